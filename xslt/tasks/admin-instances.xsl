<?xml version="1.0" encoding="UTF-8"?>
<!-- The instances with filters and paging (view "admin-instances",
     admin.processes).  Data: /page/instances (@total), its filter
     (attributes: the filters in force), state (@name @count: under the
     other filters), process (@key; the name), org (@id; the name),
     instance (@id @process @version @name @business-key @org @state
     @incidents @started @ended @parent) and pager; the filter form's
     values are /page/form[@name = 'filter']. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('processes.instances.title')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="l" select="instances"/>
    <xsl:variable name="f" select="instances/filter"/>
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('processes.instances.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('processes.instances.lead')"/></p>
      </div>
    </div>
    <xsl:call-template name="pa-tabs"><xsl:with-param name="current" select="'instances'"/></xsl:call-template>

    <form class="prov-filter card" method="get" action="/admin/processes/instances" role="search" aria-label="{pt:t('processes.filter')}" novalidate="novalidate">
      <div>
        <xsl:call-template name="prov-field-class"><xsl:with-param name="name" select="'process'"/></xsl:call-template>
        <label for="process"><xsl:value-of select="pt:t('processes.filter.process')"/></label>
        <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'process'"/></xsl:call-template>
        <select id="process" name="process">
          <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'process'"/></xsl:call-template>
          <option value=""><xsl:value-of select="pt:t('processes.filter.any')"/></option>
          <xsl:for-each select="$l/process">
            <option value="{@key}">
              <xsl:if test="string(@key) = string($f/@process)"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <xsl:call-template name="prov-text-field">
        <xsl:with-param name="name" select="'version'"/>
        <xsl:with-param name="label-key" select="'processes.filter.version'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:call-template name="prov-select">
        <xsl:with-param name="name" select="'state'"/>
        <xsl:with-param name="label-key" select="'processes.filter.state'"/>
        <xsl:with-param name="values" select="'running suspended completed terminated cancelled failed'"/>
        <xsl:with-param name="prefix" select="'processes.state.'"/>
        <xsl:with-param name="empty-key" select="'processes.filter.any'"/>
      </xsl:call-template>
      <xsl:call-template name="prov-text-field">
        <xsl:with-param name="name" select="'key'"/>
        <xsl:with-param name="label-key" select="'processes.filter.key'"/>
        <xsl:with-param name="hint-key" select="'processes.filter.key.hint'"/>
        <xsl:with-param name="maxlength" select="string(/page/limits/limit[@name = 'key']/@chars)"/>
      </xsl:call-template>
      <div>
        <xsl:call-template name="prov-field-class"><xsl:with-param name="name" select="'org'"/></xsl:call-template>
        <label for="org"><xsl:value-of select="pt:t('processes.filter.org')"/></label>
        <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'org'"/></xsl:call-template>
        <select id="org" name="org">
          <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'org'"/></xsl:call-template>
          <option value=""><xsl:value-of select="pt:t('processes.filter.any')"/></option>
          <xsl:for-each select="$l/org">
            <option value="{@id}">
              <xsl:if test="string(@id) = string($f/@org)"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <xsl:call-template name="pa-date-field"><xsl:with-param name="name" select="'from'"/></xsl:call-template>
      <xsl:call-template name="pa-date-field"><xsl:with-param name="name" select="'to'"/></xsl:call-template>
      <div class="prov-filter-actions">
        <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('processes.filter.apply')"/></button>
      </div>
    </form>

    <ul class="pa-state-counts" aria-label="{pt:t('processes.instances.by-state')}">
      <xsl:for-each select="$l/state">
        <li>
          <xsl:call-template name="pa-state"><xsl:with-param name="state" select="string(@name)"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <span class="num"><xsl:value-of select="@count"/></span>
        </li>
      </xsl:for-each>
    </ul>

    <xsl:choose>
      <xsl:when test="$l/instance">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="instances-caption">
          <table class="data-table">
            <caption id="instances-caption" class="visually-hidden"><xsl:value-of select="pt:t('processes.instances.title')"/></caption>
            <thead>
              <tr>
                <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.instance')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.process')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.business-key')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.org')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.state')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.started')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('processes.col.ended')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('processes.col.incidents')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$l/instance">
                <tr>
                  <th scope="row" class="num"><a href="/admin/processes/instances/{@id}"><xsl:value-of select="@id"/></a></th>
                  <td>
                    <xsl:value-of select="@name"/>
                    <span class="prov-nowrap">
                      <xsl:text> (</xsl:text>
                      <xsl:call-template name="pt-replace">
                        <xsl:with-param name="text" select="pt:t('processes.version.short')"/>
                        <xsl:with-param name="name" select="'n'"/>
                        <xsl:with-param name="value" select="string(@version)"/>
                      </xsl:call-template>
                      <xsl:text>)</xsl:text>
                    </span>
                  </td>
                  <td><xsl:value-of select="@business-key"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@org"><xsl:value-of select="@org"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="pt:t('processes.org.provider')"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td><xsl:call-template name="pa-state"><xsl:with-param name="state" select="string(@state)"/></xsl:call-template></td>
                  <td>
                    <xsl:call-template name="pt-datetime">
                      <xsl:with-param name="iso" select="string(@started)"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="pt-datetime">
                      <xsl:with-param name="iso" select="string(@ended)"/>
                    </xsl:call-template>
                  </td>
                  <td class="num"><xsl:value-of select="@incidents"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('processes.instances.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="prov-pager">
      <xsl:with-param name="pager" select="$l/pager"/>
      <xsl:with-param name="filter" select="$f"/>
      <xsl:with-param name="action" select="'/admin/processes/instances'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="pa-date-field">
    <xsl:param name="name"/>
    <div>
      <xsl:call-template name="prov-field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="{$name}"><xsl:value-of select="pt:t(concat('processes.filter.', $name))"/></label>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <input type="date" id="{$name}" name="{$name}" value="{/page/form[@name = 'filter']/field[@name = $name]}">
        <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      </input>
    </div>
  </xsl:template>

</xsl:stylesheet>
