<?xml version="1.0" encoding="UTF-8"?>
<!--
  "Nordlicht" example theme: own logo, own name in the header, own footer.
  Colours come from htdocs/themes/nordlicht/theme.css (CSS variables only).
  Only named templates are redefined; never import layout.xsl here.
  Texts that need translating use catalogue keys via pt:t(); brand names
  and contact data are literal.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template name="theme-head">
    <meta name="theme-color" content="#0b2a36"/>
  </xsl:template>

  <xsl:template name="theme-logo">
    <img class="brand-logo" src="/static/themes/nordlicht/logo.svg" alt="" width="40" height="40"/>
  </xsl:template>

  <xsl:template name="theme-site-name">
    <span class="brand-text">
      <span class="brand-name">Nordlicht</span>
      <span class="brand-sub"><xsl:value-of select="pt:t('site.portal')"/></span>
    </span>
  </xsl:template>

  <xsl:template name="theme-footer">
    <div class="footer-grid">
      <div class="footer-brand">
        <p class="footer-title">Nordlicht Handel GmbH</p>
        <p>Speicherstadt 7, 20457 Hamburg</p>
      </div>
      <div class="footer-meta">
        <p class="footer-title"><xsl:value-of select="pt:t('footer.service-desk')"/></p>
        <p><xsl:value-of select="pt:t('footer.service-hours')"/></p>
        <p><a href="mailto:service@nordlicht.example">service@nordlicht.example</a></p>
      </div>
      <div class="footer-meta">
        <p><xsl:value-of select="pt:t('footer.powered')"/></p>
      </div>
    </div>
  </xsl:template>

</xsl:stylesheet>
