"""Reports: a report-data model (:mod:`.model`), builders that fill it from the services,
and two renderers (:mod:`.pdf`, :mod:`.xlsx`). The public entry point is :mod:`.registry`."""
