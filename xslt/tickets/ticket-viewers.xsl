<?xml version="1.0" encoding="UTF-8"?>
<!-- The text of "Anna is also viewing this ticket" for the viewers element
     in context: nothing when nobody else has the ticket open. Needs
     nothing else, so that the ticket page (ticket-desk.xsl) and the
     fragment its script asks for (viewers.xsl) share it. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template name="tk-viewers-text">
    <xsl:if test="person">
      <xsl:variable name="text">
        <xsl:choose>
          <xsl:when test="count(person) = 1"><xsl:value-of select="pt:t('tickets.viewers.one')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('tickets.viewers.many')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <p class="alert alert-info tk-viewers-notice">
        <xsl:value-of select="substring-before($text, '{names}')"/>
        <xsl:for-each select="person">
          <strong><xsl:value-of select="."/></strong>
          <xsl:if test="position() &lt; last()">, </xsl:if>
        </xsl:for-each>
        <xsl:value-of select="substring-after($text, '{names}')"/>
      </p>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
