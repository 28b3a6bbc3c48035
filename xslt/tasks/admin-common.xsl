<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the process administration's views share (included, not imported,
  by each admin-*.xsl of the tasks worker after it imports ../layout.xsl;
  it includes the provider administration's parts: prov-text-field,
  prov-select, prov-pager):

    page mode="head"  the area stylesheets (admin, provider, processes)
    pa-tabs           processes / instances
    pa-state          an instance's state as a badge
    pa-drawing        a <drawing>'s inline SVG in a region that scrolls
                      sideways, or the note that the model has none
    pa-duration       seconds as "2 d 3 h", "4 min 5 s"
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:svg="http://www.w3.org/2000/svg"
    exclude-result-prefixes="pt svg">

  <xsl:include href="../auth/orgs-common.xsl"/>

  <!-- Above orgs-common's: its two stylesheets and this area's. -->
  <xsl:template match="page" mode="head" priority="2">
    <link rel="stylesheet" href="/static/css/admin.css"/>
    <link rel="stylesheet" href="/static/css/provider.css"/>
    <link rel="stylesheet" href="/static/css/processes.css"/>
  </xsl:template>

  <xsl:template name="pa-tabs">
    <xsl:param name="current"/>
    <nav class="pill-tabs pa-tabs" aria-label="{pt:t('processes.tabs')}">
      <ul>
        <li>
          <a href="/admin/processes/">
            <xsl:if test="$current = 'processes'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
            <xsl:value-of select="pt:t('processes.tab.processes')"/>
          </a>
        </li>
        <li>
          <a href="/admin/processes/instances">
            <xsl:if test="$current = 'instances'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
            <xsl:value-of select="pt:t('processes.tab.instances')"/>
          </a>
        </li>
      </ul>
    </nav>
  </xsl:template>

  <xsl:template name="pa-state">
    <xsl:param name="state"/>
    <span class="status-badge pa-state-{$state}"><xsl:value-of select="pt:t(concat('processes.state.', $state))"/></span>
  </xsl:template>

  <!-- The drawing: no script needed; at its own size, scrolling sideways
       inside its region where the screen is narrower. -->
  <xsl:template name="pa-drawing">
    <xsl:param name="drawing"/>
    <xsl:param name="label-id"/>
    <xsl:choose>
      <xsl:when test="$drawing/@broken">
        <p class="empty-state"><xsl:value-of select="pt:t('processes.drawing.broken')"/></p>
      </xsl:when>
      <xsl:when test="$drawing/@missing">
        <p class="empty-state"><xsl:value-of select="pt:t('processes.drawing.missing')"/></p>
      </xsl:when>
      <xsl:otherwise>
        <div class="pa-drawing" role="region" tabindex="0" aria-labelledby="{$label-id}">
          <xsl:copy-of select="$drawing/svg:svg"/>
        </div>
        <p class="pa-legend">
          <span class="pa-key pa-key-active"><xsl:value-of select="pt:t('processes.legend.active')"/></span>
          <span class="pa-key pa-key-taken"><xsl:value-of select="pt:t('processes.legend.taken')"/></span>
          <span class="pa-key pa-key-badge"><xsl:value-of select="pt:t('processes.legend.badge')"/></span>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pa-duration">
    <xsl:param name="seconds"/>
    <xsl:variable name="s" select="number($seconds)"/>
    <span class="nowrap">
      <xsl:choose>
        <xsl:when test="$s &gt;= 86400">
          <xsl:value-of select="concat(floor($s div 86400), ' ', pt:t('processes.unit.d'), ' ', floor(($s mod 86400) div 3600), ' ', pt:t('processes.unit.h'))"/>
        </xsl:when>
        <xsl:when test="$s &gt;= 3600">
          <xsl:value-of select="concat(floor($s div 3600), ' ', pt:t('processes.unit.h'), ' ', floor(($s mod 3600) div 60), ' ', pt:t('processes.unit.min'))"/>
        </xsl:when>
        <xsl:when test="$s &gt;= 60">
          <xsl:value-of select="concat(floor($s div 60), ' ', pt:t('processes.unit.min'), ' ', $s mod 60, ' ', pt:t('processes.unit.s'))"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="concat($s, ' ', pt:t('processes.unit.s'))"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

</xsl:stylesheet>
