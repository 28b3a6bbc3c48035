<?xml version="1.0" encoding="UTF-8"?>
<!--
  Returned goods have waited two business days for their inspection: to
  the order desk (processes/return-handling.bpmn, flowd's mail.send).
  data: <business-key/> (the RMA number), <link/> (the inbox).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="order-common.xsl"/>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="'mail.return-inspection-reminder.subject'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="om-text"><xsl:with-param name="key" select="'mail.return-inspection-reminder.body'"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.return-inspection-reminder.button')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="om-text"><xsl:with-param name="key" select="'mail.return-inspection-reminder.body'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.return-inspection-reminder.button')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
