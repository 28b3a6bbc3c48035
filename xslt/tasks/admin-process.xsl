<?xml version="1.0" encoding="UTF-8"?>
<!-- A process: its versions with their instances, and one version's
     drawing with a count per element (view "admin-process",
     admin.processes).  Data: /page/process (@key @name),
     process/versions/version (@id @number @deployed @by @file @sha256
     @bytes @instances and a count per state; @shown on the one drawn),
     process/shown (@id @number @badges tokens|passed) with its drawing and
     elements/element (@id @kind @tokens @passed; the text is the name). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="process/@name"/></xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="p" select="process"/>
    <xsl:variable name="shown" select="$p/shown"/>
    <div class="admin-head">
      <div>
        <p class="eyebrow"><a href="/admin/processes/"><xsl:value-of select="pt:t('processes.title')"/></a></p>
        <h1><xsl:value-of select="$p/@name"/></h1>
        <p class="lead"><code><xsl:value-of select="$p/@key"/></code></p>
      </div>
    </div>
    <xsl:call-template name="pa-tabs"><xsl:with-param name="current" select="''"/></xsl:call-template>

    <section aria-labelledby="drawing-title">
      <h2 id="drawing-title">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text" select="pt:t('processes.drawing.version')"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value" select="string($shown/@number)"/>
        </xsl:call-template>
      </h2>
      <p class="pa-switch">
        <xsl:value-of select="pt:t('processes.badges.label')"/>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$shown/@badges = 'passed'">
            <a href="/admin/processes/version/{$shown/@id}"><xsl:value-of select="pt:t('processes.badges.tokens')"/></a>
            <xsl:text> · </xsl:text>
            <strong aria-current="true"><xsl:value-of select="pt:t('processes.badges.passed')"/></strong>
          </xsl:when>
          <xsl:otherwise>
            <strong aria-current="true"><xsl:value-of select="pt:t('processes.badges.tokens')"/></strong>
            <xsl:text> · </xsl:text>
            <a href="/admin/processes/version/{$shown/@id}?badges=passed"><xsl:value-of select="pt:t('processes.badges.passed')"/></a>
          </xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:call-template name="pa-drawing">
        <xsl:with-param name="drawing" select="$shown/drawing"/>
        <xsl:with-param name="label-id" select="'drawing-title'"/>
      </xsl:call-template>

      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="elements-caption">
        <table class="data-table">
          <caption id="elements-caption"><xsl:value-of select="pt:t('processes.elements.caption')"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.element')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.kind')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.waiting')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.passed')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$shown/elements/element">
              <tr>
                <th scope="row"><xsl:value-of select="."/></th>
                <td><xsl:value-of select="pt:t(concat('processes.kind.', @kind))"/></td>
                <td class="num"><xsl:value-of select="@tokens"/></td>
                <td class="num"><xsl:value-of select="@passed"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>

    <section aria-labelledby="versions-caption">
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="versions-caption">
        <table class="data-table">
          <caption id="versions-caption"><xsl:value-of select="pt:t('processes.versions')"/></caption>
          <thead>
            <tr>
              <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.version')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.deployed')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('processes.col.file')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('processes.state.running')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('processes.state.suspended')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.ended')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.instances')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$p/versions/version">
              <tr>
                <th scope="row" class="num">
                  <xsl:choose>
                    <xsl:when test="@shown"><span aria-current="true"><xsl:value-of select="@number"/></span></xsl:when>
                    <xsl:otherwise><a href="/admin/processes/version/{@id}"><xsl:value-of select="@number"/></a></xsl:otherwise>
                  </xsl:choose>
                </th>
                <td>
                  <xsl:call-template name="pt-datetime">
                    <xsl:with-param name="iso" select="string(@deployed)"/>
                  </xsl:call-template>
                  <span class="prov-break">
                    <xsl:choose>
                      <xsl:when test="@by"><xsl:value-of select="@by"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="pt:t('processes.by.tool')"/></xsl:otherwise>
                    </xsl:choose>
                  </span>
                </td>
                <td><xsl:value-of select="@file"/></td>
                <td class="num"><xsl:value-of select="@running"/></td>
                <td class="num"><xsl:value-of select="@suspended"/></td>
                <td class="num"><xsl:value-of select="@completed + @terminated + @cancelled + @failed"/></td>
                <td class="num">
                  <a href="/admin/processes/instances?process={$p/@key}&amp;version={@number}"><xsl:value-of select="@instances"/></a>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <p><a href="/admin/processes/instances?process={$p/@key}"><xsl:value-of select="pt:t('processes.all-instances')"/></a></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
