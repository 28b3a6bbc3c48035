<?xml version="1.0" encoding="UTF-8"?>
<!-- What the tickets views share: their CSS, the status badge, the
     priority, the type, and the help text of a field. Included (not
     imported) by every view of xslt/tickets/. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/admin.css"/>
    <link rel="stylesheet" href="/static/css/tickets.css"/>
    <link rel="stylesheet" href="/static/css/tickets-desk.css"/>
    <script src="/static/js/tickets-desk.js" defer="defer"></script>
  </xsl:template>

  <!-- The status as a badge; pending says what it waits for. -->
  <xsl:template name="tk-status">
    <xsl:param name="status"/>
    <xsl:param name="reason"/>
    <span class="status-badge tk-status-{$status}">
      <xsl:value-of select="pt:t(concat('tickets.status.', $status))"/>
      <xsl:if test="$status = 'pending' and string($reason) != ''">
        <xsl:text>: </xsl:text>
        <xsl:value-of select="pt:t(concat('tickets.pending.', $reason))"/>
      </xsl:if>
    </span>
  </xsl:template>

  <xsl:template name="tk-priority">
    <xsl:param name="priority"/>
    <span class="status-badge tk-priority-{$priority}">
      <xsl:value-of select="pt:t(concat('tickets.priority.', $priority))"/>
    </span>
  </xsl:template>

  <!-- A catalogue text with {max} (and {min}) filled in. -->
  <xsl:template name="tk-fill">
    <xsl:param name="key"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text" select="pt:t($key)"/>
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="value" select="$value"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
