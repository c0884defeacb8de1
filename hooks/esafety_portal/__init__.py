"""esafety_portal: the content model and build functions behind the e-Safety portal.

Data flows one way: data/*.yml -> load (validate once) -> Content -> render / downloads / exports.
"""
