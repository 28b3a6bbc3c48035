<?xml version="1.0" encoding="UTF-8"?>
<!--
  Default theme. Imported by the runtime after the view stylesheet and
  after every mail stylesheet, so any named template or theme-mail-*
  variable defined here replaces the one in layout.xsl, auth/start.xsl or
  mail/layout.xsl (the list is in xslt/README).
  The default look lives in those files and htdocs/css/portico.css, so this
  file is intentionally empty. Do not import layout.xsl here.
  See xslt/README and themes/nordlicht/ for an example.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">
</xsl:stylesheet>
