"""Hook: keep the Markdown templates in overrides/markdown/ out of the published site.

They feed the render functions; MkDocs would otherwise copy them as theme assets.
"""


def on_files(files, config):
    for file in [f for f in files if f.src_uri.startswith("markdown/")]:
        files.remove(file)
    return files
