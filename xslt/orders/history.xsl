<?xml version="1.0" encoding="UTF-8"?>
<!--
  The organisation's orders (view "history"; a buyer without
  orders.read.org sees their own): filters (number or PO, status, buyer,
  days placed), the table, the pager and the CSV download of the same
  orders.  Data: /page/orders.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>

  <xsl:variable name="l" select="/page/orders"/>

  <!-- The query of the filters, without the page. -->
  <xsl:variable name="query">
    <xsl:if test="string($l/@q) != ''">q=<xsl:value-of select="str:encode-uri(string($l/@q), true())"/>&amp;</xsl:if>
    <xsl:if test="string($l/@status) != ''">status=<xsl:value-of select="$l/@status"/>&amp;</xsl:if>
    <xsl:if test="string($l/@buyer) != ''">buyer=<xsl:value-of select="$l/@buyer"/>&amp;</xsl:if>
    <xsl:if test="string($l/@from) != ''">from=<xsl:value-of select="$l/@from"/>&amp;</xsl:if>
    <xsl:if test="string($l/@to) != ''">to=<xsl:value-of select="$l/@to"/>&amp;</xsl:if>
  </xsl:variable>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t(concat('orders.history.title.', $l/@scope))"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:apply-templates select="." mode="title"/></h1>
        <p class="lead">
          <xsl:call-template name="or-fill">
            <xsl:with-param name="key" select="concat('orders.history.lead.', $l/@scope)"/>
            <xsl:with-param name="name" select="'org'"/>
            <xsl:with-param name="value" select="string($pt-user/org)"/>
          </xsl:call-template>
        </p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-secondary" href="/orders/history.csv?{$query}" download="orders.csv">
          <xsl:value-of select="pt:t('orders.history.csv')"/>
        </a>
        <xsl:if test="$pt-user/permission = 'orders.place'">
          <a class="btn btn-primary" href="/orders/"><xsl:value-of select="pt:t('orders.history.new')"/></a>
        </xsl:if>
      </p>
    </div>

    <form class="filter-bar" method="get" action="/orders/history" role="search" aria-label="{pt:t('orders.history.filter')}">
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
          <option value=""><xsl:value-of select="pt:t('orders.history.status.any')"/></option>
          <xsl:for-each select="str:split('submitted awaiting_approval approved rejected confirmed partly_shipped shipped delivered cancelled', ' ')">
            <option value="{.}">
              <xsl:if test=". = $l/@status"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('orders.status.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <xsl:if test="$l/buyers">
        <div class="field">
          <label for="buyer"><xsl:value-of select="pt:t('orders.history.buyer')"/></label>
          <select id="buyer" name="buyer">
            <option value=""><xsl:value-of select="pt:t('orders.history.buyer.any')"/></option>
            <xsl:for-each select="$l/buyers/person">
              <option value="{@id}">
                <xsl:if test="@id = $l/@buyer"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </div>
      </xsl:if>
      <div class="field">
        <label for="from"><xsl:value-of select="pt:t('orders.history.from')"/></label>
        <input type="date" id="from" name="from" value="{$l/@from}"/>
      </div>
      <div class="field">
        <label for="to"><xsl:value-of select="pt:t('orders.history.to')"/></label>
        <input type="date" id="to" name="to" value="{$l/@to}"/>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.history.apply')"/></button>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="$l/order">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="orders-caption">
          <table class="data-table or-table">
            <caption id="orders-caption" class="visually-hidden"><xsl:apply-templates select="." mode="title"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('orders.history.col.number')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.history.col.placed')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.history.col.status')"/></th>
                <xsl:if test="$l/@scope = 'org'">
                  <th scope="col"><xsl:value-of select="pt:t('orders.history.col.buyer')"/></th>
                </xsl:if>
                <th scope="col"><xsl:value-of select="pt:t('orders.history.col.po')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('orders.history.col.lines')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('orders.history.col.net')"/></th>
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
                  <td><xsl:call-template name="or-status"><xsl:with-param name="status" select="string(@status)"/></xsl:call-template></td>
                  <xsl:if test="$l/@scope = 'org'">
                    <td><xsl:value-of select="buyer"/></td>
                  </xsl:if>
                  <td><xsl:value-of select="po-number"/></td>
                  <td class="num"><xsl:value-of select="@lines"/></td>
                  <td class="num">
                    <xsl:call-template name="or-money">
                      <xsl:with-param name="minor" select="@net"/>
                      <xsl:with-param name="currency" select="@currency"/>
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
        <p class="empty-state"><xsl:value-of select="pt:t('orders.history.none')"/></p>
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
            <li><a rel="prev" href="/orders/history?{$query}page={@page - 1}"><xsl:value-of select="pt:t('orders.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="@page &lt; @pages or (@more = '1' and ../order)">
            <li><a rel="next" href="/orders/history?{$query}page={@page + 1}"><xsl:value-of select="pt:t('orders.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </xsl:if>
    </nav>
  </xsl:template>

</xsl:stylesheet>
