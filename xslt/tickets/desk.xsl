<?xml version="1.0" encoding="UTF-8"?>
<!-- The agent desk (view "desk"): the views as tabs with their counts,
     the filters, the table of tickets in the desk's order (next due,
     priority, age) and the pager. Data: /page/desk (cgi-bin-src/tickets/desk.c). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>
  <xsl:include href="desk-common.xsl"/>

  <xsl:variable name="d" select="/page/desk"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('tickets.desk.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('tickets.desk.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t(concat('tickets.desk.lead.', $d/@view))"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-secondary" href="/tickets/queue"><xsl:value-of select="pt:t('tickets.desk.search-all')"/></a>
        <a class="btn btn-secondary" href="/tickets/canned"><xsl:value-of select="pt:t('tickets.canned.title')"/></a>
      </p>
    </div>

    <nav class="tk-tabs tk-desk-tabs" aria-label="{pt:t('tickets.desk.views')}">
      <ul>
        <xsl:for-each select="$d/views/view">
          <li>
            <a href="{@href}">
              <xsl:if test="@current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('tickets.desk.view.', @name))"/>
              <xsl:text> </xsl:text>
              <span class="tk-desk-count">
                <xsl:value-of select="@count"/>
                <xsl:if test="@more">+</xsl:if>
              </span>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </nav>

    <xsl:if test="$d/@view = 'groups' and $d/@groups = 0">
      <p class="hint"><xsl:value-of select="pt:t('tickets.desk.no-groups')"/></p>
    </xsl:if>
    <xsl:if test="$d/@view = 'unassigned' and $d/@groups = 0">
      <p class="hint"><xsl:value-of select="pt:t('tickets.desk.unassigned.all')"/></p>
    </xsl:if>

    <xsl:call-template name="desk-filters"/>

    <xsl:choose>
      <xsl:when test="$d/ticket">
        <xsl:call-template name="desk-table"/>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t(concat('tickets.desk.none.', $d/@view))"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="$d/pager">
      <xsl:call-template name="tk-desk-pager">
        <xsl:with-param name="href" select="concat('/tickets/desk?', $d/@query, '&amp;', $filters, 'page=')"/>
        <xsl:with-param name="has-rows" select="boolean($d/ticket)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The filters of the query besides view, org, priority and per (which
       @query holds), each followed by '&' (for the pager's links). -->
  <xsl:variable name="filters">
    <xsl:if test="string($d/@q) != ''">q=<xsl:value-of select="str:encode-uri(string($d/@q), true())"/>&amp;</xsl:if>
    <xsl:if test="string($d/@service) != ''">service=<xsl:value-of select="str:encode-uri(string($d/@service), true())"/>&amp;</xsl:if>
    <xsl:if test="string($d/@status) != ''">status=<xsl:value-of select="$d/@status"/>&amp;</xsl:if>
  </xsl:variable>

  <xsl:template name="desk-filters">
    <form class="filter-bar" method="get" action="/tickets/desk" role="search" aria-label="{pt:t('tickets.desk.filter')}">
      <input type="hidden" name="view" value="{$d/@view}"/>
      <div class="field">
        <label for="q"><xsl:value-of select="pt:t('tickets.list.q')"/></label>
        <input type="search" id="q" name="q" value="{$d/@q}">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
      </div>
      <xsl:if test="$d/org">
        <div class="field">
          <label for="org"><xsl:value-of select="pt:t('tickets.col.org')"/></label>
          <select id="org" name="org">
            <option value=""><xsl:value-of select="pt:t('tickets.desk.org.any')"/></option>
            <option value="{$d/org/@id}" selected="selected"><xsl:value-of select="$d/org"/></option>
          </select>
        </div>
      </xsl:if>
      <div class="field">
        <label for="service"><xsl:value-of select="pt:t('tickets.list.service')"/></label>
        <select id="service" name="service">
          <option value=""><xsl:value-of select="pt:t('tickets.list.service.any')"/></option>
          <xsl:for-each select="$d/services/service">
            <option value="{@slug}">
              <xsl:if test="@slug = $d/@service"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="field">
        <label for="priority"><xsl:value-of select="pt:t('tickets.col.priority')"/></label>
        <select id="priority" name="priority">
          <option value=""><xsl:value-of select="pt:t('tickets.desk.priority.any')"/></option>
          <xsl:for-each select="str:split('1 2 3 4 5', ' ')">
            <option value="{.}">
              <xsl:if test=". = $d/@priority"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('tickets.priority.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <xsl:if test="$d/@view != 'pending'">
        <div class="field">
          <label for="status"><xsl:value-of select="pt:t('tickets.list.status')"/></label>
          <select id="status" name="status">
            <option value=""><xsl:value-of select="pt:t('tickets.list.status.active')"/></option>
            <xsl:for-each select="str:split('new open pending resolved closed', ' ')">
              <option value="{.}">
                <xsl:if test=". = $d/@status"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="pt:t(concat('tickets.status.', .))"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
      </xsl:if>
      <div class="field">
        <label for="per"><xsl:value-of select="pt:t('tickets.desk.per')"/></label>
        <select id="per" name="per">
          <xsl:for-each select="str:split('25 50 100', ' ')">
            <option value="{.}">
              <xsl:if test=". = $d/@per"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.list.apply')"/></button>
      </div>
    </form>
  </xsl:template>

  <xsl:template name="desk-table">
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="desk-caption">
      <table class="data-table tk-table tk-desk-table">
        <caption id="desk-caption" class="visually-hidden">
          <xsl:value-of select="pt:t(concat('tickets.desk.view.', $d/@view))"/>
        </caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="pt:t('tickets.desk.col.number')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.col.subject')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.desk.col.due')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.col.priority')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.col.status')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.col.requester')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('tickets.col.assignee')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$d/ticket"/>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="desk/ticket">
    <tr>
      <th scope="row">
        <a class="nowrap" href="{@href}"><xsl:value-of select="@number"/></a>
        <span class="tk-reason">
          <xsl:call-template name="pt-datetime">
            <xsl:with-param name="iso" select="string(@created)"/>
            <xsl:with-param name="style" select="'relative'"/>
          </xsl:call-template>
        </span>
      </th>
      <td class="tk-subject">
        <a href="{@href}"><xsl:value-of select="subject"/></a>
        <span class="tk-reason"><xsl:value-of select="service"/></span>
      </td>
      <td class="tk-due">
        <xsl:choose>
          <xsl:when test="string(@due) != ''">
            <xsl:call-template name="pt-datetime">
              <xsl:with-param name="iso" select="string(@due)"/>
              <xsl:with-param name="style" select="'relative'"/>
            </xsl:call-template>
            <!-- The absolute time too, unless the relative one is it already. -->
            <xsl:if test="pt:time(string(@due), 'relative') != pt:time(string(@due), 'datetime')">
              <span class="tk-reason">
                <xsl:call-template name="pt-datetime">
                  <xsl:with-param name="iso" select="string(@due)"/>
                </xsl:call-template>
              </span>
            </xsl:if>
            <xsl:if test="@breached">
              <span class="tk-due-mark"><span class="status-badge sla-breached"><xsl:value-of select="pt:t('sla.mark.breached')"/></span></span>
            </xsl:if>
            <xsl:if test="@at-risk">
              <span class="tk-due-mark"><span class="status-badge sla-at-risk"><xsl:value-of select="pt:t('sla.mark.at-risk')"/></span></span>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <span class="tk-none"><xsl:value-of select="pt:t('tickets.desk.due.none')"/></span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <xsl:call-template name="tk-priority"><xsl:with-param name="priority" select="string(@priority)"/></xsl:call-template>
      </td>
      <td>
        <xsl:call-template name="tk-status">
          <xsl:with-param name="status" select="string(@status)"/>
        </xsl:call-template>
        <xsl:if test="string(@pending-reason) != ''">
          <span class="tk-reason"><xsl:value-of select="pt:t(concat('tickets.pending.', @pending-reason))"/></span>
        </xsl:if>
      </td>
      <td>
        <xsl:value-of select="requester"/>
        <span class="tk-reason"><a href="/tickets/desk?view=all&amp;org={org/@id}"><xsl:value-of select="org"/></a></span>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="assignee"><xsl:value-of select="assignee"/></xsl:when>
          <xsl:otherwise><span class="tk-none"><xsl:value-of select="pt:t('tickets.desk.nobody')"/></span></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="group">
          <span class="tk-reason"><xsl:value-of select="group"/></span>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
