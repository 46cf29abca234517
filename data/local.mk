# Shipped content, installed under $(pkgdatadir).
