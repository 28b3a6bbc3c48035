<?xml version="1.0" encoding="UTF-8"?>
<!--
  A user task of a process was created: to its assignee, or to the people
  of its organisation who hold one of its candidate roles (cgi-bin-src/lib/task-mail.c).
  data as in task-common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="layout.xsl"/>
  <xsl:include href="task-common.xsl"/>

  <xsl:variable name="body-key" select="concat('mail.task-assigned.body.', $d/@to)"/>

  <xsl:template match="mail" mode="subject">
    <xsl:call-template name="tm-text"><xsl:with-param name="key" select="'mail.task-assigned.subject'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="text">
    <xsl:call-template name="tm-body-text"><xsl:with-param name="key" select="$body-key"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="mail" mode="html">
    <xsl:call-template name="tm-body-html"><xsl:with-param name="key" select="$body-key"/></xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
