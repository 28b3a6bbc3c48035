<?xml version="1.0" encoding="UTF-8"?>
<!-- Create or edit a category, and delete an empty one (view
     "admin-category", catalogue.manage). /page/or-category has @id and
     @products when editing; the values are /page/form[@name='category']. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>

  <xsl:variable name="c" select="/page/or-category"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$c/@id"><xsl:value-of select="$c/name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('orders.admin.category.new')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title"><xsl:value-of select="$title"/></xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/orders/admin/categories"><xsl:value-of select="pt:t('orders.admin.back.categories')"/></a></p>
    <h1><xsl:value-of select="$title"/></h1>
    <form class="form card or-form" method="post" novalidate="novalidate">
      <xsl:attribute name="action">
        <xsl:choose>
          <xsl:when test="$c/@id">/orders/admin/categories/<xsl:value-of select="$c/@id"/></xsl:when>
          <xsl:otherwise>/orders/admin/categories/new</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <div class="or-pair">
        <xsl:call-template name="or-input">
          <xsl:with-param name="name" select="'name_en'"/>
          <xsl:with-param name="label-key" select="'orders.admin.name-en'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="or-input">
          <xsl:with-param name="name" select="'name_de'"/>
          <xsl:with-param name="label-key" select="'orders.admin.name-de'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
      </div>
      <div class="or-pair">
        <xsl:call-template name="or-input">
          <xsl:with-param name="name" select="'description_en'"/>
          <xsl:with-param name="label-key" select="'orders.admin.description-en'"/>
          <xsl:with-param name="rows" select="3"/>
        </xsl:call-template>
        <xsl:call-template name="or-input">
          <xsl:with-param name="name" select="'description_de'"/>
          <xsl:with-param name="label-key" select="'orders.admin.description-de'"/>
          <xsl:with-param name="rows" select="3"/>
        </xsl:call-template>
      </div>
      <div class="or-pair">
        <xsl:call-template name="or-input">
          <xsl:with-param name="name" select="'slug'"/>
          <xsl:with-param name="label-key" select="'orders.admin.slug'"/>
          <xsl:with-param name="hint-key" select="'orders.admin.slug.hint'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="or-input">
          <xsl:with-param name="name" select="'position'"/>
          <xsl:with-param name="label-key" select="'orders.admin.position'"/>
          <xsl:with-param name="hint-key" select="'orders.admin.position.hint'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
        </xsl:call-template>
      </div>
      <button type="submit" class="btn btn-primary">
        <xsl:choose>
          <xsl:when test="$c/@id"><xsl:value-of select="pt:t('orders.admin.save')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('orders.admin.category.create')"/></xsl:otherwise>
        </xsl:choose>
      </button>
    </form>
    <xsl:if test="$c/@id">
      <section class="card form-card" aria-labelledby="delete-title">
        <h2 id="delete-title"><xsl:value-of select="pt:t('orders.admin.category.delete')"/></h2>
        <p>
          <xsl:choose>
            <xsl:when test="$c/@products &gt; 0">
              <xsl:call-template name="or-fill">
                <xsl:with-param name="key" select="'orders.admin.category.delete.has-products'"/>
                <xsl:with-param name="name" select="'n'"/>
                <xsl:with-param name="value" select="string($c/@products)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('orders.admin.category.delete.empty')"/></xsl:otherwise>
          </xsl:choose>
        </p>
        <form method="post" action="/orders/admin/categories/{$c/@id}/delete">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <button type="submit" class="btn btn-danger"><xsl:value-of select="pt:t('orders.admin.category.delete')"/></button>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
