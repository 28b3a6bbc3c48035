<?xml version="1.0" encoding="UTF-8"?>
<!--
  Invoices and credit notes (view "invoices"): the organisation's (scope
  org), a buyer's of their own orders (mine), or every organisation's for
  the order desk (all); filtered by status (open, overdue, paid) and by an
  invoice's or order's number; newest first, a page at a time.
  Data: /page/invoices.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>
  <xsl:include href="invoice-common.xsl"/>

  <xsl:variable name="l" select="/page/invoices"/>

  <xsl:variable name="query">
    <xsl:if test="string($l/@q) != ''">q=<xsl:value-of select="str:encode-uri(string($l/@q), true())"/>&amp;</xsl:if>
    <xsl:if test="string($l/@status) != ''">status=<xsl:value-of select="$l/@status"/>&amp;</xsl:if>
  </xsl:variable>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t(concat('orders.invoices.title.', $l/@scope))"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:apply-templates select="." mode="title"/></h1>
        <p class="lead">
          <xsl:call-template name="or-fill">
            <xsl:with-param name="key" select="concat('orders.invoices.lead.', $l/@scope)"/>
            <xsl:with-param name="name" select="'org'"/>
            <xsl:with-param name="value" select="string($pt-user/org)"/>
          </xsl:call-template>
        </p>
      </div>
    </div>

    <form class="filter-bar" method="get" action="/orders/invoices" role="search" aria-label="{pt:t('orders.invoices.filter')}">
      <div class="field">
        <label for="q"><xsl:value-of select="pt:t('orders.invoices.q')"/></label>
        <input type="search" id="q" name="q" value="{$l/@q}" aria-describedby="q-help">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
        <p class="hint" id="q-help"><xsl:value-of select="pt:t('orders.invoices.q.help')"/></p>
      </div>
      <div class="field">
        <label for="status"><xsl:value-of select="pt:t('orders.invoices.status')"/></label>
        <select id="status" name="status">
          <option value=""><xsl:value-of select="pt:t('orders.invoices.status.any')"/></option>
          <xsl:for-each select="str:split('open overdue paid', ' ')">
            <option value="{.}">
              <xsl:if test=". = $l/@status"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('orders.invoice.status.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.invoices.apply')"/></button>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="$l/invoice">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="invoices-caption">
          <table class="data-table or-table">
            <caption id="invoices-caption" class="visually-hidden"><xsl:apply-templates select="." mode="title"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('orders.invoices.col.number')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.invoices.col.kind')"/></th>
                <xsl:if test="$l/@scope = 'all'">
                  <th scope="col"><xsl:value-of select="pt:t('orders.invoices.col.org')"/></th>
                </xsl:if>
                <th scope="col"><xsl:value-of select="pt:t('orders.invoices.col.order')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.invoices.col.issued')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.invoices.col.due')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.invoices.col.status')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('orders.invoices.col.gross')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$l/invoice">
                <tr>
                  <th scope="row" class="nowrap"><a href="{@href}"><xsl:value-of select="@number"/></a></th>
                  <td><xsl:call-template name="inv-kind"><xsl:with-param name="kind" select="string(@kind)"/></xsl:call-template></td>
                  <xsl:if test="$l/@scope = 'all'">
                    <td><xsl:value-of select="org"/></td>
                  </xsl:if>
                  <td class="nowrap">
                    <xsl:choose>
                      <xsl:when test="@order-href"><a href="{@order-href}"><xsl:value-of select="@order"/></a></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@order"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="nowrap"><xsl:call-template name="inv-date"><xsl:with-param name="day" select="@issued"/></xsl:call-template></td>
                  <td class="nowrap">
                    <xsl:if test="@kind = 'invoice'">
                      <xsl:call-template name="inv-date"><xsl:with-param name="day" select="@due"/></xsl:call-template>
                    </xsl:if>
                  </td>
                  <td>
                    <xsl:call-template name="inv-status">
                      <xsl:with-param name="status" select="string(@status)"/>
                      <xsl:with-param name="kind" select="string(@kind)"/>
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
        <p class="empty-state"><xsl:value-of select="pt:t('orders.invoices.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="$l/pager"/>
  </xsl:template>

  <xsl:template match="pager">
    <nav class="pager" aria-label="{pt:t('orders.invoices.pager')}">
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
            <li><a rel="prev" href="/orders/invoices?{$query}page={@page - 1}"><xsl:value-of select="pt:t('orders.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="@page &lt; @pages or (@more = '1' and ../invoice)">
            <li><a rel="next" href="/orders/invoices?{$query}page={@page + 1}"><xsl:value-of select="pt:t('orders.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </xsl:if>
    </nav>
  </xsl:template>

</xsl:stylesheet>
