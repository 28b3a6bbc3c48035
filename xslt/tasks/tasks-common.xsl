<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the task inbox's views share (included, not imported, by each view
  of xslt/tasks/ after it imports ../layout.xsl):

    page mode="head"  the area stylesheets
    ts-fill           a catalogue text with one {placeholder} filled in
    ts-due            a task's due time: the time, and a badge when it is
                      overdue or due soon (text, so screen readers say it)
    ts-state          a task's state as a badge: offered, yours, being
                      completed, completed, cancelled
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/admin.css"/>
    <link rel="stylesheet" href="/static/css/tasks.css"/>
  </xsl:template>

  <xsl:template name="ts-fill">
    <xsl:param name="key"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text" select="pt:t($key)"/>
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="value" select="$value"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The context task's due time (@due, @due-state). -->
  <xsl:template name="ts-due">
    <xsl:choose>
      <xsl:when test="string(@due) != ''">
        <span class="ts-due">
          <xsl:call-template name="pt-datetime">
            <xsl:with-param name="iso" select="string(@due)"/>
            <xsl:with-param name="style" select="'relative'"/>
          </xsl:call-template>
          <xsl:if test="(@due-state = 'overdue' or @due-state = 'soon') and (@state = 'open' or not(@state))">
            <span class="status-badge ts-{@due-state}">
              <xsl:value-of select="pt:t(concat('tasks.due.', @due-state))"/>
            </span>
          </xsl:if>
        </span>
      </xsl:when>
      <xsl:otherwise><span class="ts-none"><xsl:value-of select="pt:t('tasks.due.none')"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The context task's state (@state, @held: mine or offered). -->
  <xsl:template name="ts-state">
    <xsl:variable name="word">
      <xsl:choose>
        <xsl:when test="@state = 'open'"><xsl:value-of select="concat('open.', @held)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@state"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <span class="status-badge ts-state-{@state} ts-held-{@held}">
      <xsl:value-of select="pt:t(concat('tasks.state.', $word))"/>
    </span>
  </xsl:template>

</xsl:stylesheet>
