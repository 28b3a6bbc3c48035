<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notice to the owner of an address that an org admin of another
  organisation tried to invite it (the admin is not told that the address
  has an account; nothing changed).  No link that does anything.
  data: <org>Acme Industrial Ltd</org> the inviting organisation
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>

  <xsl:variable name="org">
    <xsl:call-template name="mail-value"><xsl:with-param name="name" select="'org'"/></xsl:call-template>
  </xsl:variable>

  <xsl:template name="with-org">
    <xsl:param name="key"/>
    <xsl:call-template name="mail-fill">
      <xsl:with-param name="text" select="pt:t($key)"/>
      <xsl:with-param name="name" select="'org'"/>
      <xsl:with-param name="value" select="string($org)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="with-org">
      <xsl:with-param name="key" select="'mail.invite-elsewhere.subject'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="with-org">
      <xsl:with-param name="key" select="'mail.invite-elsewhere.body'"/>
    </xsl:call-template>
    <xsl:value-of select="concat($nl, $nl, pt:t('mail.invite-elsewhere.nothing'), $nl, $nl)"/>
    <xsl:call-template name="with-org">
      <xsl:with-param name="key" select="'mail.invite-elsewhere.ask'"/>
    </xsl:call-template>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="with-org">
          <xsl:with-param name="key" select="'mail.invite-elsewhere.body'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content" select="pt:t('mail.invite-elsewhere.nothing')"/>
    </xsl:call-template>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="with-org">
          <xsl:with-param name="key" select="'mail.invite-elsewhere.ask'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
