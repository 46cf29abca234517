# content: libyaml loaders for data/*.yaml.
libcharrette_a_SOURCES += src/content/content.h
