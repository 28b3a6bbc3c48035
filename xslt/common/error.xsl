<?xml version="1.0" encoding="UTF-8"?>
<!-- Every error status without a view of its own (400, 405, 409, 413,
     422, 429, 500...): its title and text say in plain words what happened
     (error.status-<code>.title and .text, else those of 500), with the
     request id as reference for support. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>

  <!-- The statuses with their own words in the catalogues (errors.xml). -->
  <xsl:variable name="error-key">
    <xsl:choose>
      <xsl:when test="contains(' 400 405 409 413 422 429 ', concat(' ', /page/@status, ' '))">
        <xsl:value-of select="concat('error.status-', /page/@status)"/>
      </xsl:when>
      <xsl:otherwise>error.internal</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t(concat($error-key, '.title'))"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="pt-status-page">
      <xsl:with-param name="title-key" select="concat($error-key, '.title')"/>
      <xsl:with-param name="text-key" select="concat($error-key, '.text')"/>
      <xsl:with-param name="actions">
        <a class="btn btn-primary" href="/"><xsl:value-of select="pt:t('error.back-home')"/></a>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
