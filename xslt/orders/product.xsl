<?xml version="1.0" encoding="UTF-8"?>
<!-- A product's page (view "product"): image, name, description, facts
     and the price that applies to the reader's organisation; for the staff
     who keep the catalogue also its list prices, audience and an edit link.
     Data: /page/product. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>

  <xsl:variable name="p" select="/page/product"/>

  <xsl:template match="page" mode="title"><xsl:value-of select="$p/name"/></xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link">
      <a href="/orders/?category={$p/@category}">
        <xsl:call-template name="or-fill">
          <xsl:with-param name="key" select="'orders.product.back'"/>
          <xsl:with-param name="name" select="'category'"/>
          <xsl:with-param name="value" select="string($p/category-name)"/>
        </xsl:call-template>
      </a>
    </p>
    <div class="or-product">
      <xsl:if test="$p/@image">
        <figure class="or-image">
          <img src="{$p/@image}" alt="{$p/name}"/>
        </figure>
      </xsl:if>
      <div class="or-product-main">
        <p class="eyebrow"><xsl:value-of select="pt:t(concat('orders.kind.', $p/@kind))"/></p>
        <h1><xsl:value-of select="$p/name"/></h1>
        <xsl:if test="$p/@active != '1'">
          <p><span class="status-badge status-inactive"><xsl:value-of select="pt:t('orders.product.inactive')"/></span></p>
        </xsl:if>
        <p class="or-product-price">
          <xsl:call-template name="or-price">
            <xsl:with-param name="price" select="$p/price"/>
            <xsl:with-param name="unit" select="string($p/@unit)"/>
            <xsl:with-param name="long" select="true()"/>
          </xsl:call-template>
        </p>
        <xsl:if test="$p/@max-quantity">
          <form class="or-add" method="post" action="/orders/cart/add">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <input type="hidden" name="sku" value="{$p/@sku}"/>
            <div class="field or-add-qty">
              <label for="add-quantity"><xsl:value-of select="pt:t('orders.product.quantity')"/></label>
              <input id="add-quantity" name="quantity" type="text" inputmode="numeric" size="5"
                  maxlength="{string-length($p/@max-quantity)}" value="1" autocomplete="off"/>
            </div>
            <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orders.product.add')"/></button>
          </form>
        </xsl:if>
        <dl class="facts">
          <div>
            <dt><xsl:value-of select="pt:t('orders.col.sku')"/></dt>
            <dd class="or-sku"><xsl:value-of select="$p/@sku"/></dd>
          </div>
          <div>
            <dt><xsl:value-of select="pt:t('orders.col.unit')"/></dt>
            <dd><xsl:value-of select="pt:t(concat('orders.unit.', $p/@unit))"/></dd>
          </div>
          <div>
            <dt><xsl:value-of select="pt:t('orders.col.lead')"/></dt>
            <dd>
              <xsl:call-template name="or-lead"><xsl:with-param name="days" select="number($p/@lead-days)"/></xsl:call-template>
            </dd>
          </div>
          <xsl:if test="string($p/@stock) != ''">
            <div>
              <dt><xsl:value-of select="pt:t('orders.col.stock')"/></dt>
              <dd class="or-stock">
                <xsl:choose>
                  <xsl:when test="$p/@stock = 0"><xsl:value-of select="pt:t('orders.stock.out')"/></xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="or-fill">
                      <xsl:with-param name="key" select="'orders.stock.in'"/>
                      <xsl:with-param name="name" select="'n'"/>
                      <xsl:with-param name="value" select="string($p/@stock)"/>
                    </xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </dd>
            </div>
          </xsl:if>
          <div>
            <dt><xsl:value-of select="pt:t('orders.col.category')"/></dt>
            <dd><a href="/orders/?category={$p/@category}"><xsl:value-of select="$p/category-name"/></a></dd>
          </div>
        </dl>
        <xsl:if test="string($p/description) != ''">
          <div class="or-description"><xsl:value-of select="$p/description"/></div>
        </xsl:if>
      </div>
    </div>

    <xsl:if test="$p/@edit">
      <section class="card or-staff" aria-labelledby="staff-title">
        <h2 id="staff-title"><xsl:value-of select="pt:t('orders.product.staff')"/></h2>
        <dl class="facts">
          <div>
            <dt><xsl:value-of select="pt:t('orders.admin.audience')"/></dt>
            <dd>
              <xsl:for-each select="$p/audience">
                <xsl:call-template name="or-audience"><xsl:with-param name="a" select="."/></xsl:call-template>
              </xsl:for-each>
            </dd>
          </div>
          <xsl:for-each select="$p/list-prices/price">
            <div>
              <dt>
                <xsl:call-template name="or-fill">
                  <xsl:with-param name="key" select="'orders.product.list-price'"/>
                  <xsl:with-param name="name" select="'currency'"/>
                  <xsl:with-param name="value" select="string(@currency)"/>
                </xsl:call-template>
              </dt>
              <dd>
                <xsl:call-template name="or-money">
                  <xsl:with-param name="minor" select="@minor"/>
                  <xsl:with-param name="currency" select="@currency"/>
                </xsl:call-template>
              </dd>
            </div>
          </xsl:for-each>
        </dl>
        <p><a class="btn btn-secondary" href="{$p/@edit}"><xsl:value-of select="pt:t('orders.product.edit')"/></a></p>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
