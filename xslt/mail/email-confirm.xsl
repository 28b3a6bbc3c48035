<?xml version="1.0" encoding="UTF-8"?>
<!--
  Confirmation of a new email address; sent to the new address.
  data: <link>https://portal.example.com/auth/account/email/confirm?token=...</link> (or a path)
        <new-email>carl.new@acme.example</new-email>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>

  <xsl:variable name="email">
    <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'new-email'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="url">
    <xsl:call-template name="mail-url">
      <xsl:with-param name="link">
        <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'link'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template name="body">
    <xsl:call-template name="mail-fill">
      <xsl:with-param name="text" select="pt:t('mail.email-confirm.body')"/>
      <xsl:with-param name="name" select="'email'"/>
      <xsl:with-param name="value" select="string($email)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="subject">
    <xsl:value-of select="pt:t('mail.email-confirm.subject')"/>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="body"/>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="string($url)"/>
      <xsl:with-param name="label" select="pt:t('mail.email-confirm.button')"/>
    </xsl:call-template>
    <xsl:value-of select="concat(pt:t('mail.email-confirm.until'), $nl, $nl,
        pt:t('mail.email-confirm.ignore'), $nl)"/>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content"><xsl:call-template name="body"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="string($url)"/>
      <xsl:with-param name="label" select="pt:t('mail.email-confirm.button')"/>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content" select="pt:t('mail.email-confirm.until')"/>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content" select="pt:t('mail.email-confirm.ignore')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
