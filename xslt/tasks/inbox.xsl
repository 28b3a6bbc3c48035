<?xml version="1.0" encoding="UTF-8"?>
<!--
  The task inbox (view "inbox", cgi-bin-src/tasks/inbox.c): the tabs all,
  mine and offered with their counts, the table of tasks (the task, its
  process, the case, the due time, the state), the pager, and when a tab
  is empty what the inbox is for.  Data: /page/tasks.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tasks-common.xsl"/>

  <xsl:variable name="l" select="/page/tasks"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('tasks.inbox.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('tasks.inbox.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('tasks.inbox.lead')"/></p>
      </div>
    </div>

    <nav class="ts-tabs pill-tabs" aria-label="{pt:t('tasks.inbox.tabs')}">
      <ul>
        <xsl:for-each select="$l/tab">
          <li>
            <a href="{@href}">
              <xsl:if test="@current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('tasks.inbox.tab.', @name))"/>
              <xsl:text> </xsl:text>
              <span class="ts-count">(<xsl:value-of select="@count"/>)</span>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </nav>

    <xsl:choose>
      <xsl:when test="$l/task">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="tasks-caption">
          <table class="data-table ts-table">
            <caption id="tasks-caption" class="visually-hidden">
              <xsl:value-of select="pt:t(concat('tasks.inbox.caption.', $l/@show))"/>
            </caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('tasks.col.task')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tasks.col.process')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tasks.col.case')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tasks.col.due')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tasks.col.state')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$l/task">
                <tr>
                  <th scope="row" class="ts-name"><a href="{@href}"><xsl:value-of select="name"/></a></th>
                  <td><xsl:value-of select="process"/></td>
                  <td class="nowrap">
                    <xsl:choose>
                      <xsl:when test="normalize-space(key) != ''"><span class="ts-key"><xsl:value-of select="key"/></span></xsl:when>
                      <xsl:otherwise><span class="ts-none"><xsl:value-of select="pt:t('tasks.case.none')"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td><xsl:call-template name="ts-due"/></td>
                  <td><xsl:call-template name="ts-state"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <div class="empty-state">
          <p><strong><xsl:value-of select="pt:t(concat('tasks.inbox.empty.', $l/@show))"/></strong></p>
          <p><xsl:value-of select="pt:t('tasks.inbox.empty.what')"/></p>
        </div>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="$l/pager"/>
  </xsl:template>

  <xsl:template match="pager">
    <xsl:if test="@pages &gt; 1 or @more = '1'">
      <nav class="pager" aria-label="{pt:t('tasks.inbox.pager')}">
        <p class="pager-status">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text">
              <xsl:call-template name="ts-fill">
                <xsl:with-param name="key" select="'tasks.pager.status'"/>
                <xsl:with-param name="name" select="'page'"/>
                <xsl:with-param name="value" select="string(@page)"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="name" select="'pages'"/>
            <xsl:with-param name="value" select="string(@pages)"/>
          </xsl:call-template>
        </p>
        <ul class="pager-links">
          <xsl:variable name="show">
            <xsl:if test="$l/@show != 'all'">show=<xsl:value-of select="$l/@show"/>&amp;</xsl:if>
          </xsl:variable>
          <xsl:if test="@page &gt; 1">
            <li><a rel="prev" href="/tasks/?{$show}page={@page - 1}"><xsl:value-of select="pt:t('tasks.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="@page &lt; @pages or (@more = '1' and count($l/task) = 25)">
            <li><a rel="next" href="/tasks/?{$show}page={@page + 1}"><xsl:value-of select="pt:t('tasks.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
