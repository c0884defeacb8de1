"""Editable documents made from a template: Word (.docx), OpenDocument (.odt), Markdown and a
.zip of the whole pack. Plain functions with no MkDocs in sight; the same template always gives
the same bytes."""
