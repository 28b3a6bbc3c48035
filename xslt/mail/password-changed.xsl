<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notice that the account's password was changed (by the user, or by a
  reset).  data (all optional): <link> the forgotten-password form
  (default: base-url + /auth/password/forgot), <ip> where the change came from.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>

  <xsl:variable name="given-url">
    <xsl:call-template name="mail-url">
      <xsl:with-param name="link">
        <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'link'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="url">
    <xsl:choose>
      <xsl:when test="string($given-url) != ''"><xsl:value-of select="$given-url"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($base-url, '/auth/password/forgot')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="ip">
    <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'ip'"/></xsl:call-template>
  </xsl:variable>

  <xsl:template name="from-ip">
    <xsl:if test="string($ip) != ''">
      <xsl:call-template name="mail-fill">
        <xsl:with-param name="text" select="pt:t('mail.password-changed.ip')"/>
        <xsl:with-param name="name" select="'ip'"/>
        <xsl:with-param name="value" select="string($ip)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="mail" mode="subject">
    <xsl:value-of select="pt:t('mail.password-changed.subject')"/>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:value-of select="pt:t('mail.password-changed.body')"/>
    <xsl:if test="string($ip) != ''">
      <xsl:text> </xsl:text>
      <xsl:call-template name="from-ip"/>
    </xsl:if>
    <xsl:value-of select="concat($nl, $nl, pt:t('mail.password-changed.warn'), $nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.password-changed.button')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:value-of select="pt:t('mail.password-changed.body')"/>
        <xsl:if test="string($ip) != ''">
          <xsl:text> </xsl:text>
          <xsl:call-template name="from-ip"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content" select="pt:t('mail.password-changed.warn')"/>
    </xsl:call-template>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.password-changed.button')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
