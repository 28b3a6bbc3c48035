<?xml version="1.0" encoding="UTF-8"?>
<!--
  Default theme. Imported by the runtime after the view stylesheet, so any
  named template defined here replaces the one in layout.xsl:
  theme-head, theme-logo, theme-site-name, theme-footer.
  The default look lives in layout.xsl and htdocs/css/portico.css, so this
  file is intentionally empty. Do not import layout.xsl here.
  See xslt/README and themes/nordlicht/theme.xsl for an example.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">
</xsl:stylesheet>
