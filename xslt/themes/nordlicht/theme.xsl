<?xml version="1.0" encoding="UTF-8"?>
<!--
  "Nordlicht" example theme: own logo, favicon, site name (site.name in
  i18n/*.xml), footer, a partner start page of its own, and mails in its
  colours with its logo.  Page colours come from
  htdocs/themes/nordlicht/theme.css (CSS variables only).
  Only named templates and theme-mail-* variables are redefined; never
  import layout.xsl here.  This file is imported by every page and every
  mail: a template of one is simply not called by the other.
  Texts that need translating use catalogue keys via pt:t(); brand names
  and contact data are literal.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <!-- ================= pages ============================================ -->

  <xsl:template name="theme-head">
    <meta name="theme-color" content="#0b2a36"/>
  </xsl:template>

  <xsl:template name="theme-favicon">
    <link rel="icon" href="/static/themes/nordlicht/favicon.svg" type="image/svg+xml"/>
  </xsl:template>

  <xsl:template name="theme-logo">
    <img class="brand-logo" src="/static/themes/nordlicht/logo.svg" alt="" width="40" height="40"/>
  </xsl:template>

  <xsl:template name="theme-site-name">
    <span class="brand-text">
      <span class="brand-name"><xsl:value-of select="pt:t('site.name')"/></span>
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

  <!-- Partners see the partner desk between the welcome and their areas;
       the other roles keep the standard start page. -->
  <xsl:template name="theme-start-partner">
    <xsl:call-template name="pt-start-welcome"/>
    <xsl:call-template name="pt-start-tasks"/>
    <section class="card start-section partner-desk" aria-labelledby="partner-desk-title">
      <h2 id="partner-desk-title"><xsl:value-of select="pt:t('nordlicht.partner.title')"/></h2>
      <p><xsl:value-of select="pt:t('nordlicht.partner.text')"/></p>
    </section>
    <xsl:call-template name="pt-start-areas"/>
  </xsl:template>

  <!-- ================= mails ============================================ -->
  <!-- Inline colours (mail clients know no CSS variables).  Contrast:
       white on #0b2a36 15.0:1; white on #0f766e 5.5:1; #0f766e on white
       5.5:1; #0f2a30 on white 15.1:1; #4a6065 on white 6.7:1. -->
  <xsl:variable name="theme-mail-bg" select="'#f3f7f6'"/>
  <xsl:variable name="theme-mail-border" select="'#d3e0dd'"/>
  <xsl:variable name="theme-mail-text" select="'#0f2a30'"/>
  <xsl:variable name="theme-mail-heading" select="'#0b2a36'"/>
  <xsl:variable name="theme-mail-muted" select="'#4a6065'"/>
  <xsl:variable name="theme-mail-brand" select="'#0f766e'"/>
  <xsl:variable name="theme-mail-header-bg" select="'#0b2a36'"/>
  <xsl:variable name="theme-mail-header-text" select="'#ffffff'"/>
  <xsl:variable name="theme-mail-font" select="'&quot;Avenir Next&quot;,Avenir,&quot;Segoe UI&quot;,Arial,sans-serif'"/>
  <xsl:variable name="theme-mail-logo" select="'/static/themes/nordlicht/logo-mail.png'"/>

</xsl:stylesheet>
