<?xml version="1.0" encoding="UTF-8"?>
<!--
  The provider's order desk (view "desk"): the orders of every
  organisation, by default those to confirm; filters by status,
  organisation and order or PO number; the table and the pager.
  Data: /page/desk.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>

  <xsl:variable name="l" select="/page/desk"/>

  <!-- The query of the filters, without the page. -->
  <xsl:variable name="query">
    <xsl:if test="string($l/@q) != ''">q=<xsl:value-of select="str:encode-uri(string($l/@q), true())"/>&amp;</xsl:if>
    <xsl:if test="$l/@status != 'open'">status=<xsl:value-of select="$l/@status"/>&amp;</xsl:if>
    <xsl:if test="string($l/@org) != ''">org=<xsl:value-of select="$l/@org"/>&amp;</xsl:if>
  </xsl:variable>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('orders.desk.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:apply-templates select="." mode="title"/></h1>
        <p class="lead">
          <xsl:choose>
            <xsl:when test="$l/@status = 'open'"><xsl:value-of select="pt:t('orders.desk.lead.open')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('orders.desk.lead.other')"/></xsl:otherwise>
          </xsl:choose>
        </p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-secondary" href="/orders/desk/returns"><xsl:value-of select="pt:t('nav.orders.desk-returns')"/></a>
      </p>
    </div>

    <form class="filter-bar" method="get" action="/orders/desk" role="search" aria-label="{pt:t('orders.desk.filter')}">
      <div class="field">
        <label for="q"><xsl:value-of select="pt:t('orders.history.q')"/></label>
        <input type="search" id="q" name="q" value="{$l/@q}" aria-describedby="q-help">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
        <p class="hint" id="q-help"><xsl:value-of select="pt:t('orders.history.q.help')"/></p>
      </div>
      <div class="field">
        <label for="status"><xsl:value-of select="pt:t('orders.history.status')"/></label>
        <select id="status" name="status">
          <xsl:for-each select="str:split('open all submitted awaiting_approval approved rejected confirmed partly_shipped shipped delivered cancelled', ' ')">
            <option value="{.}">
              <xsl:if test=". = $l/@status"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:choose>
                <xsl:when test=". = 'open' or . = 'all'"><xsl:value-of select="pt:t(concat('orders.desk.status.', .))"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="pt:t(concat('orders.status.', .))"/></xsl:otherwise>
              </xsl:choose>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="field">
        <label for="org"><xsl:value-of select="pt:t('orders.desk.org')"/></label>
        <select id="org" name="org">
          <option value=""><xsl:value-of select="pt:t('orders.desk.org.any')"/></option>
          <xsl:for-each select="$l/orgs/org">
            <option value="{@id}">
              <xsl:if test="@id = $l/@org"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.history.apply')"/></button>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="$l/order">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="desk-caption">
          <table class="data-table or-table">
            <caption id="desk-caption" class="visually-hidden"><xsl:apply-templates select="." mode="title"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('orders.history.col.number')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.history.col.placed')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.desk.org')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.history.col.status')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.history.col.po')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('orders.desk.col.shipped')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('orders.history.col.gross')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$l/order">
                <tr>
                  <th scope="row" class="nowrap"><a href="{@href}"><xsl:value-of select="@number"/></a></th>
                  <td>
                    <xsl:call-template name="pt-datetime">
                      <xsl:with-param name="iso" select="string(@created)"/>
                      <xsl:with-param name="style" select="'relative'"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:value-of select="org"/>
                    <span class="or-summary"><xsl:value-of select="buyer"/></span>
                  </td>
                  <td><xsl:call-template name="or-status"><xsl:with-param name="status" select="string(@status)"/></xsl:call-template></td>
                  <td><xsl:value-of select="po-number"/></td>
                  <td class="num nowrap">
                    <xsl:call-template name="pt-replace">
                      <xsl:with-param name="text">
                        <xsl:call-template name="or-fill">
                          <xsl:with-param name="key" select="'orders.desk.shipped-of'"/>
                          <xsl:with-param name="name" select="'shipped'"/>
                          <xsl:with-param name="value" select="string(@shipped)"/>
                        </xsl:call-template>
                      </xsl:with-param>
                      <xsl:with-param name="name" select="'ordered'"/>
                      <xsl:with-param name="value" select="string(@ordered)"/>
                    </xsl:call-template>
                  </td>
                  <td class="num">
                    <xsl:call-template name="or-money">
                      <xsl:with-param name="minor" select="@gross"/>
                      <xsl:with-param name="currency" select="@currency"/>
                    </xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('orders.desk.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="$l/pager"/>
  </xsl:template>

  <xsl:template match="pager">
    <nav class="pager" aria-label="{pt:t('orders.history.pager')}">
      <p class="pager-status">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text">
                <xsl:call-template name="or-fill">
                  <xsl:with-param name="key">
                    <xsl:choose>
                      <xsl:when test="@more = '1'">orders.history.pager.status-more</xsl:when>
                      <xsl:otherwise>orders.pager.status</xsl:otherwise>
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
            <li><a rel="prev" href="/orders/desk?{$query}page={@page - 1}"><xsl:value-of select="pt:t('orders.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="@page &lt; @pages or (@more = '1' and ../order)">
            <li><a rel="next" href="/orders/desk?{$query}page={@page + 1}"><xsl:value-of select="pt:t('orders.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </xsl:if>
    </nav>
  </xsl:template>

</xsl:stylesheet>
