<?xml version="1.0" encoding="UTF-8"?>
<!-- A list of tickets (view "list"): my tickets, my organisation's, or the
     agents' queue (tickets/@scope mine|org|all): filters, table, pager. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>

  <xsl:variable name="l" select="/page/tickets"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t(concat('tickets.list.', $l/@scope))"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:apply-templates select="." mode="title"/></h1>
        <p class="lead">
          <xsl:call-template name="tk-fill">
            <xsl:with-param name="key" select="concat('tickets.list.', $l/@scope, '.lead')"/>
            <xsl:with-param name="name" select="'org'"/>
            <xsl:with-param name="value" select="string($pt-user/org)"/>
          </xsl:call-template>
        </p>
      </div>
      <xsl:if test="$l/@scope != 'all' and $pt-user/permission = 'tickets.create'">
        <p class="admin-actions">
          <a class="btn btn-primary" href="/tickets/"><xsl:value-of select="pt:t('tickets.list.new')"/></a>
        </p>
      </xsl:if>
    </div>

    <form class="filter-bar" method="get" action="{$l/@base}" role="search" aria-label="{pt:t('tickets.list.filter')}">
      <div class="field">
        <label for="q"><xsl:value-of select="pt:t('tickets.list.q')"/></label>
        <input type="search" id="q" name="q" value="{$l/@q}" aria-describedby="q-help">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
        <p class="hint" id="q-help">
          <xsl:call-template name="tk-fill">
            <xsl:with-param name="key" select="'tickets.list.q.help'"/>
            <xsl:with-param name="name" select="'n'"/>
            <xsl:with-param name="value" select="string($l/@text-recent)"/>
          </xsl:call-template>
        </p>
      </div>
      <div class="field">
        <label for="status"><xsl:value-of select="pt:t('tickets.list.status')"/></label>
        <select id="status" name="status">
          <option value=""><xsl:value-of select="pt:t('tickets.list.status.any')"/></option>
          <option value="active">
            <xsl:if test="$l/@status = 'active'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <xsl:value-of select="pt:t('tickets.list.status.active')"/>
          </option>
          <xsl:for-each select="str:split('new open pending resolved closed', ' ')">
            <option value="{.}">
              <xsl:if test=". = $l/@status"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('tickets.status.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="field">
        <label for="service"><xsl:value-of select="pt:t('tickets.list.service')"/></label>
        <select id="service" name="service">
          <option value=""><xsl:value-of select="pt:t('tickets.list.service.any')"/></option>
          <xsl:for-each select="$l/services/service">
            <option value="{@slug}">
              <xsl:if test="@slug = $l/@service"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <xsl:if test="$l/requesters">
        <div class="field">
          <label for="requester"><xsl:value-of select="pt:t('tickets.list.requester')"/></label>
          <select id="requester" name="requester">
            <option value=""><xsl:value-of select="pt:t('tickets.list.requester.any')"/></option>
            <xsl:for-each select="$l/requesters/person">
              <option value="{@id}">
                <xsl:if test="@id = $l/@requester"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </div>
      </xsl:if>
      <xsl:if test="$l/groups">
        <div class="field">
          <label for="group"><xsl:value-of select="pt:t('tickets.list.group')"/></label>
          <select id="group" name="group">
            <option value=""><xsl:value-of select="pt:t('tickets.list.group.any')"/></option>
            <xsl:for-each select="$l/groups/group">
              <option value="{@id}">
                <xsl:if test="@id = $l/@group"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <div class="field">
          <label for="assignee"><xsl:value-of select="pt:t('tickets.list.assignee')"/></label>
          <select id="assignee" name="assignee">
            <option value=""><xsl:value-of select="pt:t('tickets.list.assignee.any')"/></option>
            <xsl:for-each select="str:split('me none', ' ')">
              <option value="{.}">
                <xsl:if test=". = $l/@assignee"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="pt:t(concat('tickets.list.assignee.', .))"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
      </xsl:if>
      <div class="field">
        <label for="sort"><xsl:value-of select="pt:t('tickets.list.sort')"/></label>
        <select id="sort" name="sort">
          <xsl:for-each select="str:split('updated newest oldest', ' ')">
            <option value="{.}">
              <xsl:if test=". = $l/@sort"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('tickets.list.sort.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.list.apply')"/></button>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="$l/ticket">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="tickets-caption">
          <table class="data-table tk-table">
            <caption id="tickets-caption" class="visually-hidden"><xsl:apply-templates select="." mode="title"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('tickets.col.number')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.col.subject')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.col.status')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.col.priority')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.col.service')"/></th>
                <xsl:if test="$l/@scope != 'mine'">
                  <th scope="col"><xsl:value-of select="pt:t('tickets.col.requester')"/></th>
                </xsl:if>
                <xsl:if test="$l/@scope = 'all'">
                  <th scope="col"><xsl:value-of select="pt:t('tickets.col.org')"/></th>
                  <th scope="col"><xsl:value-of select="pt:t('tickets.col.assignee')"/></th>
                </xsl:if>
                <th scope="col"><xsl:value-of select="pt:t('tickets.col.created')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.col.updated')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$l/ticket">
                <tr>
                  <th scope="row" class="nowrap"><a href="{@href}"><xsl:value-of select="@number"/></a></th>
                  <td class="tk-subject"><a href="{@href}"><xsl:value-of select="subject"/></a></td>
                  <td>
                    <xsl:call-template name="tk-status">
                      <xsl:with-param name="status" select="string(@status)"/>
                    </xsl:call-template>
                    <xsl:if test="string(@pending-reason) != ''">
                      <span class="tk-reason"><xsl:value-of select="pt:t(concat('tickets.pending.', @pending-reason))"/></span>
                    </xsl:if>
                  </td>
                  <td>
                    <xsl:call-template name="tk-priority"><xsl:with-param name="priority" select="string(@priority)"/></xsl:call-template>
                  </td>
                  <td><xsl:value-of select="service"/></td>
                  <xsl:if test="$l/@scope != 'mine'">
                    <td><xsl:value-of select="requester"/></td>
                  </xsl:if>
                  <xsl:if test="$l/@scope = 'all'">
                    <td><xsl:value-of select="org"/></td>
                    <td><xsl:value-of select="assignee"/></td>
                  </xsl:if>
                  <td>
                    <xsl:call-template name="pt-datetime">
                      <xsl:with-param name="iso" select="string(@created)"/>
                      <xsl:with-param name="style" select="'relative'"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="pt-datetime">
                      <xsl:with-param name="iso" select="string(@updated)"/>
                      <xsl:with-param name="style" select="'relative'"/>
                    </xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('tickets.list.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="$l/pager"/>
  </xsl:template>

  <!-- Previous / next keep the filters. -->
  <xsl:template match="pager">
    <xsl:variable name="query">
      <xsl:text>?</xsl:text>
      <xsl:if test="string($l/@q) != ''">q=<xsl:value-of select="str:encode-uri(string($l/@q), true())"/>&amp;</xsl:if>
      <xsl:text>status=</xsl:text><xsl:value-of select="$l/@status"/>&amp;<xsl:text/>
      <xsl:if test="string($l/@service) != ''">service=<xsl:value-of select="str:encode-uri(string($l/@service), true())"/>&amp;</xsl:if>
      <xsl:if test="string($l/@requester) != ''">requester=<xsl:value-of select="$l/@requester"/>&amp;</xsl:if>
      <xsl:if test="string($l/@group) != ''">group=<xsl:value-of select="$l/@group"/>&amp;</xsl:if>
      <xsl:if test="string($l/@assignee) != ''">assignee=<xsl:value-of select="$l/@assignee"/>&amp;</xsl:if>
      <xsl:text>sort=</xsl:text><xsl:value-of select="$l/@sort"/>&amp;<xsl:text>page=</xsl:text>
    </xsl:variable>
    <nav class="pager" aria-label="{pt:t('tickets.pager.label')}">
      <p class="pager-status">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text">
                <xsl:call-template name="tk-fill">
                  <xsl:with-param name="key">
                    <xsl:choose>
                      <xsl:when test="@more = '1'">tickets.pager.status-more</xsl:when>
                      <xsl:otherwise>tickets.pager.status</xsl:otherwise>
                    </xsl:choose>
                  </xsl:with-param>
                  <xsl:with-param name="name" select="'page'"/>
                  <xsl:with-param name="value" select="string(@page)"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="name" select="'pages'"/>
              <xsl:with-param name="value" select="string(@pages)"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="name" select="'total'"/>
          <xsl:with-param name="value" select="string(@total)"/>
        </xsl:call-template>
      </p>
      <xsl:if test="@pages &gt; 1 or @more = '1'">
        <ul class="pager-links">
          <xsl:if test="@page &gt; 1">
            <li><a rel="prev" href="{$l/@base}{$query}{@page - 1}"><xsl:value-of select="pt:t('tickets.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="@page &lt; @pages or (@more = '1' and ../ticket)">
            <li><a rel="next" href="{$l/@base}{$query}{@page + 1}"><xsl:value-of select="pt:t('tickets.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </xsl:if>
    </nav>
  </xsl:template>

</xsl:stylesheet>
