<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the mails about user tasks share (included by task-assigned and
  task-due; cgi-bin-src/lib/task-mail.c writes their data):
    <data to="assignee|candidates"> <task/> (its name in the recipient's
    language) <process/> <key/> (the business key, may be empty) <org/>
    <due/> (UTC, ISO 8601; absent when the task has no due time) <link/>
  A text of the catalogue names them {task}, {process}, {key}, {org},
  {due}.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:variable name="d" select="/mail/data"/>
  <xsl:variable name="url">
    <xsl:call-template name="mail-url"><xsl:with-param name="link" select="$d/link"/></xsl:call-template>
  </xsl:variable>

  <!-- text with every {name} of the data filled in. -->
  <xsl:template name="tm-fill">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, '{') and contains(substring-after($text, '{'), '}')">
        <xsl:variable name="name" select="substring-before(substring-after($text, '{'), '}')"/>
        <xsl:value-of select="substring-before($text, '{')"/>
        <xsl:choose>
          <xsl:when test="$name = 'due'"><xsl:value-of select="pt:time(string($d/due), 'datetime')"/></xsl:when>
          <xsl:when test="$d/*[local-name() = $name]"><xsl:value-of select="normalize-space($d/*[local-name() = $name])"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('{', $name, '}')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="tm-fill">
          <xsl:with-param name="text" select="substring-after(substring-after($text, '{'), '}')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tm-text">
    <xsl:param name="key"/>
    <xsl:call-template name="tm-fill"><xsl:with-param name="text" select="pt:t($key)"/></xsl:call-template>
  </xsl:template>

  <!-- The facts of the task, one a line: the case (business key), the organisation, the due time. -->
  <xsl:template name="tm-facts-text">
    <xsl:if test="normalize-space($d/key) != ''">
      <xsl:call-template name="tm-text"><xsl:with-param name="key" select="'mail.task.case'"/></xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <xsl:call-template name="tm-text"><xsl:with-param name="key" select="'mail.task.org'"/></xsl:call-template>
    <xsl:value-of select="$nl"/>
    <xsl:if test="normalize-space($d/due) != ''">
      <xsl:call-template name="tm-text"><xsl:with-param name="key" select="'mail.task.due'"/></xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tm-facts-html">
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:if test="normalize-space($d/key) != ''">
          <xsl:call-template name="tm-text"><xsl:with-param name="key" select="'mail.task.case'"/></xsl:call-template>
          <br/>
        </xsl:if>
        <xsl:call-template name="tm-text"><xsl:with-param name="key" select="'mail.task.org'"/></xsl:call-template>
        <xsl:if test="normalize-space($d/due) != ''">
          <br/>
          <xsl:call-template name="tm-text"><xsl:with-param name="key" select="'mail.task.due'"/></xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The mail's body: its sentence (key), the facts and the link to the task. -->
  <xsl:template name="tm-body-text">
    <xsl:param name="key"/>
    <xsl:call-template name="tm-text"><xsl:with-param name="key" select="$key"/></xsl:call-template>
    <xsl:value-of select="concat($nl, $nl)"/>
    <xsl:call-template name="tm-facts-text"/>
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="mail-text-link">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.task.button')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="tm-body-html">
    <xsl:param name="key"/>
    <xsl:call-template name="mail-p">
      <xsl:with-param name="content">
        <xsl:call-template name="tm-text"><xsl:with-param name="key" select="$key"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="tm-facts-html"/>
    <xsl:call-template name="mail-button">
      <xsl:with-param name="url" select="$url"/>
      <xsl:with-param name="label" select="pt:t('mail.task.button')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
