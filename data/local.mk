# Shipped content, installed under $(pkgdatadir).  demo.yaml is a workshop
# (the bundled demo), not content: the loader skips it.
dist_pkgdata_DATA += \
	data/antipatterns.yaml \
	data/catalogue.yaml \
	data/criteria.yaml \
	data/demo.yaml \
	data/interview-generic.yaml \
	data/interview.yaml \
	data/metrics.yaml \
	data/patterns.yaml \
	data/rules.yaml \
	data/templates.yaml
