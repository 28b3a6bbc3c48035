<?xml version="1.0" encoding="UTF-8"?>
<!-- A checked price list before it is applied (view "admin-import-preview",
     catalogue.manage): each line's old and new price, and the button that
     applies them all; once applied, when. Data: /page/or-import. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="import-common.xsl"/>

  <xsl:variable name="i" select="/page/or-import"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="pt:t('orders.import.preview')"/></xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/orders/admin/import"><xsl:value-of select="pt:t('orders.import.back')"/></a></p>
    <h1><xsl:value-of select="pt:t('orders.import.preview')"/></h1>
    <dl class="facts">
      <div><dt><xsl:value-of select="pt:t('orders.import.col.file')"/></dt><dd><xsl:value-of select="$i/@file"/></dd></div>
      <div><dt><xsl:value-of select="pt:t('orders.import.col.by')"/></dt><dd><xsl:value-of select="$i/@by"/></dd></div>
      <div>
        <dt><xsl:value-of select="pt:t('orders.import.col.uploaded')"/></dt>
        <dd>
          <xsl:call-template name="pt-datetime">
            <xsl:with-param name="iso" select="string($i/@created)"/>
            <xsl:with-param name="style" select="'datetime'"/>
          </xsl:call-template>
        </dd>
      </div>
      <div>
        <dt><xsl:value-of select="pt:t('orders.import.summary')"/></dt>
        <dd>
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text">
              <xsl:call-template name="or-fill">
                <xsl:with-param name="key" select="'orders.import.summary.text'"/>
                <xsl:with-param name="name" select="'lines'"/>
                <xsl:with-param name="value" select="string($i/@lines)"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="name" select="'changes'"/>
            <xsl:with-param name="value" select="string($i/@changes)"/>
          </xsl:call-template>
        </dd>
      </div>
    </dl>
    <xsl:call-template name="or-import-errors"/>
    <xsl:choose>
      <xsl:when test="$i/@applied">
        <p class="alert alert-success">
          <xsl:value-of select="pt:t('orders.import.applied-at')"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="pt-datetime">
            <xsl:with-param name="iso" select="string($i/@applied)"/>
            <xsl:with-param name="style" select="'datetime'"/>
          </xsl:call-template>
        </p>
      </xsl:when>
      <xsl:when test="$i/line">
        <form method="post" action="/orders/admin/import/{$i/@id}" class="or-confirm">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <button type="submit" class="btn btn-primary">
            <xsl:call-template name="or-fill">
              <xsl:with-param name="key" select="'orders.import.apply'"/>
              <xsl:with-param name="name" select="'changes'"/>
              <xsl:with-param name="value" select="string($i/@changes)"/>
            </xsl:call-template>
          </button>
        </form>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="$i/line">
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="lines-caption">
        <table class="data-table">
          <caption id="lines-caption" class="visually-hidden"><xsl:value-of select="pt:t('orders.import.preview')"/></caption>
          <thead>
            <tr>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.import.col.line')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('orders.col.sku')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('orders.col.product')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.import.col.old')"/></th>
              <th scope="col" class="num"><xsl:value-of select="pt:t('orders.import.col.new')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('orders.import.col.change')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$i/line">
              <tr>
                <td class="num"><xsl:value-of select="@at"/></td>
                <th scope="row" class="nowrap or-sku"><xsl:value-of select="@sku"/></th>
                <td><xsl:value-of select="name"/></td>
                <td class="num">
                  <xsl:if test="@old-minor">
                    <xsl:call-template name="or-money">
                      <xsl:with-param name="minor" select="@old-minor"/>
                      <xsl:with-param name="currency" select="@currency"/>
                    </xsl:call-template>
                  </xsl:if>
                </td>
                <td class="num">
                  <xsl:call-template name="or-money">
                    <xsl:with-param name="minor" select="@minor"/>
                    <xsl:with-param name="currency" select="@currency"/>
                  </xsl:call-template>
                </td>
                <td><span class="status-badge or-change-{@change}"><xsl:value-of select="pt:t(concat('orders.import.change.', @change))"/></span></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
