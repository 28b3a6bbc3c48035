<?xml version="1.0" encoding="UTF-8"?>
<!--
  Returns (view "returns"): the organisation's (scope org; a person who
  sees only their own orders, scope mine) or, on the order desk, every
  organisation's (scope desk, by default those still open); a filter by
  status, the table and the pager.  Data: /page/returns.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>

  <xsl:variable name="l" select="/page/returns"/>
  <xsl:variable name="base">
    <xsl:choose>
      <xsl:when test="$l/@scope = 'desk'">/orders/desk/returns</xsl:when>
      <xsl:otherwise>/orders/returns</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t(concat('orders.returns.title.', $l/@scope))"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:apply-templates select="." mode="title"/></h1>
        <p class="lead"><xsl:value-of select="pt:t(concat('orders.returns.lead.', $l/@scope))"/></p>
      </div>
    </div>
    <form class="filter-bar" method="get" action="{$base}" role="search" aria-label="{pt:t('orders.returns.filter')}">
      <div class="field">
        <label for="status"><xsl:value-of select="pt:t('orders.history.status')"/></label>
        <select id="status" name="status">
          <xsl:for-each select="str:split('open all requested approved rejected received refunded replaced', ' ')">
            <option value="{.}">
              <xsl:if test=". = $l/@status"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('orders.return.status.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('orders.history.apply')"/></button>
      </div>
    </form>
    <xsl:choose>
      <xsl:when test="$l/return">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="returns-caption">
          <table class="data-table or-table">
            <caption id="returns-caption" class="visually-hidden"><xsl:apply-templates select="." mode="title"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('orders.returns.col.number')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.returns.col.asked')"/></th>
                <xsl:if test="$l/@scope = 'desk'">
                  <th scope="col"><xsl:value-of select="pt:t('orders.desk.org')"/></th>
                </xsl:if>
                <th scope="col"><xsl:value-of select="pt:t('orders.history.col.status')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.return.order')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.return.reason')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('orders.returns.col.pieces')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$l/return">
                <tr>
                  <th scope="row" class="nowrap"><a href="{@href}"><xsl:value-of select="@number"/></a></th>
                  <td>
                    <xsl:call-template name="pt-datetime">
                      <xsl:with-param name="iso" select="string(@created)"/>
                      <xsl:with-param name="style" select="'relative'"/>
                    </xsl:call-template>
                    <span class="or-summary"><xsl:value-of select="requested-by"/></span>
                  </td>
                  <xsl:if test="$l/@scope = 'desk'"><td><xsl:value-of select="org"/></td></xsl:if>
                  <td>
                    <span class="status-badge or-status or-return-{@status}"><xsl:value-of select="pt:t(concat('orders.return.status.', @status))"/></span>
                  </td>
                  <td class="nowrap"><xsl:value-of select="@order"/></td>
                  <td><xsl:value-of select="pt:t(concat('orders.return.reason.', @reason))"/></td>
                  <td class="num"><xsl:value-of select="@pieces"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('orders.returns.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$l/pager/@pages &gt; 1 or $l/pager/@more = '1'">
      <nav class="pager" aria-label="{pt:t('orders.returns.pager')}">
        <ul class="pager-links">
          <xsl:if test="$l/pager/@page &gt; 1">
            <li><a rel="prev" href="{$base}?status={$l/@status}&amp;page={$l/pager/@page - 1}"><xsl:value-of select="pt:t('orders.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="$l/pager/@page &lt; $l/pager/@pages or ($l/pager/@more = '1' and $l/return)">
            <li><a rel="next" href="{$base}?status={$l/@status}&amp;page={$l/pager/@page + 1}"><xsl:value-of select="pt:t('orders.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
