<?xml version="1.0" encoding="UTF-8"?>
<!--
  Asking for a return (view "return-new"): the order's lines with what
  arrived, what was returned already and what may go back now (until the
  end of the product's window), a quantity per line, the reason, a
  comment and photos.  Data: /page/return-new; values kept after a 422 in
  /page/form[@name='return'] (photos must be chosen again).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>

  <xsl:variable name="r" select="/page/return-new"/>
  <xsl:variable name="kept" select="/page/form[@name = 'return']"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="or-fill">
      <xsl:with-param name="key" select="'orders.return.new.title'"/>
      <xsl:with-param name="name" select="'number'"/>
      <xsl:with-param name="value" select="string($r/@order)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="or-back">
      <xsl:with-param name="href" select="$r/@order-href"/>
      <xsl:with-param name="key" select="'orders.return.back-to-order'"/>
    </xsl:call-template>
    <h1><xsl:apply-templates select="." mode="title"/></h1>
    <xsl:choose>
      <xsl:when test="not($r/@returnable) and not($kept)">
        <p class="empty-state"><xsl:value-of select="pt:t('orders.return.nothing-returnable')"/></p>
      </xsl:when>
      <xsl:otherwise>
        <p class="lead"><xsl:value-of select="pt:t('orders.return.new.lead')"/></p>
        <form class="card or-return-form" method="post" action="{$r/@order-href}/return" enctype="multipart/form-data" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <xsl:call-template name="or-errors"><xsl:with-param name="name" select="'lines'"/></xsl:call-template>
          <div class="table-scroll" role="region" tabindex="0" aria-labelledby="lines-caption">
            <table class="data-table or-table">
              <caption id="lines-caption"><xsl:value-of select="pt:t('orders.return.lines')"/></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="pt:t('orders.col.product')"/></th>
                  <th scope="col"><xsl:value-of select="pt:t('orders.return.col.return')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="pt:t('orders.return.col.returnable')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="pt:t('orders.return.col.delivered')"/></th>
                  <th scope="col" class="num"><xsl:value-of select="pt:t('orders.return.col.returned')"/></th>
                  <th scope="col"><xsl:value-of select="pt:t('orders.return.col.until')"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$r/lines/line">
                  <xsl:variable name="field" select="concat('qty_', @no)"/>
                  <tr>
                    <th scope="row" class="or-product-cell">
                      <xsl:value-of select="."/>
                      <span class="or-summary or-sku"><xsl:value-of select="@sku"/></span>
                    </th>
                    <td>
                      <xsl:call-template name="or-field-class">
                        <xsl:with-param name="name" select="$field"/>
                        <xsl:with-param name="base" select="'field or-ship-qty'"/>
                      </xsl:call-template>
                      <xsl:choose>
                        <xsl:when test="@returnable &gt; 0 or $kept/field[@name = $field]">
                          <label for="{$field}" class="visually-hidden">
                            <xsl:call-template name="or-fill">
                              <xsl:with-param name="key" select="'orders.return.qty'"/>
                              <xsl:with-param name="name" select="'product'"/>
                              <xsl:with-param name="value" select="string(.)"/>
                            </xsl:call-template>
                          </label>
                          <xsl:call-template name="or-errors"><xsl:with-param name="name" select="$field"/></xsl:call-template>
                          <input type="text" inputmode="numeric" id="{$field}" name="{$field}" size="5" maxlength="5" value="{$kept/field[@name = $field]}">
                            <xsl:call-template name="or-aria"><xsl:with-param name="name" select="$field"/></xsl:call-template>
                          </input>
                        </xsl:when>
                        <xsl:otherwise><span class="or-why"><xsl:value-of select="pt:t('orders.return.not-returnable')"/></span></xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td class="num"><xsl:value-of select="@returnable"/></td>
                    <td class="num"><xsl:value-of select="@delivered"/></td>
                    <td class="num"><xsl:value-of select="@returned"/></td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="@return-days = 0"><xsl:value-of select="pt:t('orders.return.no-returns')"/></xsl:when>
                        <xsl:otherwise>
                          <xsl:call-template name="pt-datetime">
                            <xsl:with-param name="iso" select="string(@until)"/>
                            <xsl:with-param name="style" select="'date'"/>
                          </xsl:call-template>
                        </xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <xsl:call-template name="or-select">
            <xsl:with-param name="name" select="'reason'"/>
            <xsl:with-param name="label-key" select="'orders.return.reason'"/>
            <xsl:with-param name="values" select="'damaged wrong_item defective not_needed'"/>
            <xsl:with-param name="prefix" select="'orders.return.reason.'"/>
            <xsl:with-param name="empty-key" select="'orders.return.reason.choose'"/>
          </xsl:call-template>
          <xsl:call-template name="or-input">
            <xsl:with-param name="name" select="'comment'"/>
            <xsl:with-param name="label-key" select="'orders.return.comment'"/>
            <xsl:with-param name="hint-key" select="'orders.return.comment.hint'"/>
            <xsl:with-param name="rows" select="4"/>
          </xsl:call-template>
          <div>
            <xsl:call-template name="or-field-class"><xsl:with-param name="name" select="'photos'"/></xsl:call-template>
            <xsl:call-template name="or-label">
              <xsl:with-param name="name" select="'photos'"/>
              <xsl:with-param name="label-key" select="'orders.return.photos'"/>
              <xsl:with-param name="hint-key" select="'orders.return.photos.hint'"/>
              <xsl:with-param name="required" select="false()"/>
            </xsl:call-template>
            <input type="file" id="photos" name="photos" multiple="multiple" accept="image/png,image/jpeg,image/gif,image/webp">
              <xsl:call-template name="or-aria">
                <xsl:with-param name="name" select="'photos'"/>
                <xsl:with-param name="hint" select="true()"/>
              </xsl:call-template>
            </input>
          </div>
          <p><button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.return.submit')"/></button></p>
        </form>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
