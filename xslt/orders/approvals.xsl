<?xml version="1.0" encoding="UTF-8"?>
<!--
  Approvals (view "approvals", orders.approve): the organisation's orders
  that wait for a decision, oldest first, and the most recent decisions.
  Each order is decided on its own page.  Data: /page/approvals.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>

  <xsl:variable name="a" select="/page/approvals"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('orders.approvals.title')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <h1><xsl:value-of select="pt:t('orders.approvals.title')"/></h1>
    <p class="lead"><xsl:value-of select="pt:t('orders.approvals.lead')"/></p>
    <section aria-labelledby="waiting-caption">
      <xsl:choose>
        <xsl:when test="$a/waiting/order">
          <xsl:call-template name="table">
            <xsl:with-param name="orders" select="$a/waiting/order"/>
            <xsl:with-param name="id" select="'waiting-caption'"/>
            <xsl:with-param name="caption-key" select="'orders.approvals.waiting'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <h2 id="waiting-caption"><xsl:value-of select="pt:t('orders.approvals.waiting')"/></h2>
          <p class="empty-state"><xsl:value-of select="pt:t('orders.approvals.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="$a/decided/order">
      <section aria-labelledby="decided-caption" class="or-decided">
        <xsl:call-template name="table">
          <xsl:with-param name="orders" select="$a/decided/order"/>
          <xsl:with-param name="id" select="'decided-caption'"/>
          <xsl:with-param name="caption-key" select="'orders.approvals.decided'"/>
          <xsl:with-param name="decided" select="true()"/>
        </xsl:call-template>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="table">
    <xsl:param name="orders"/>
    <xsl:param name="id"/>
    <xsl:param name="caption-key"/>
    <xsl:param name="decided" select="false()"/>
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="{$id}">
      <table class="data-table or-table">
        <caption id="{$id}"><xsl:value-of select="pt:t($caption-key)"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="pt:t('orders.history.col.number')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.history.col.buyer')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.history.col.placed')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.history.col.po')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.history.col.net')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.approvals.col.why')"/></th>
            <xsl:if test="$decided">
              <th scope="col"><xsl:value-of select="pt:t('orders.history.col.status')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('orders.approvals.col.decided')"/></th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$orders">
            <tr>
              <th scope="row" class="nowrap"><a href="{@href}"><xsl:value-of select="@number"/></a></th>
              <td><xsl:value-of select="buyer"/></td>
              <td>
                <xsl:call-template name="pt-datetime">
                  <xsl:with-param name="iso" select="string(@created)"/>
                  <xsl:with-param name="style" select="'relative'"/>
                </xsl:call-template>
              </td>
              <td><xsl:value-of select="po-number"/></td>
              <td class="num">
                <xsl:call-template name="or-money">
                  <xsl:with-param name="minor" select="@net"/>
                  <xsl:with-param name="currency" select="@currency"/>
                </xsl:call-template>
              </td>
              <td><xsl:call-template name="or-reason"><xsl:with-param name="reason" select="string(@budget-reason)"/></xsl:call-template></td>
              <xsl:if test="$decided">
                <td><xsl:call-template name="or-status"><xsl:with-param name="status" select="string(@status)"/></xsl:call-template></td>
                <td>
                  <xsl:value-of select="decider"/>
                  <xsl:text>, </xsl:text>
                  <xsl:call-template name="pt-datetime">
                    <xsl:with-param name="iso" select="string(@decided)"/>
                    <xsl:with-param name="style" select="'relative'"/>
                  </xsl:call-template>
                  <xsl:if test="comment"><span class="or-comment"><xsl:value-of select="comment"/></span></xsl:if>
                </td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

</xsl:stylesheet>
