<?xml version="1.0" encoding="UTF-8"?>
<!-- Create or edit a category, and delete an empty one (view
     "admin-category", permission tickets.admin). /page/tka-category has @id
     and @services when editing; the values are /page/form[@name='category']. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:variable name="c" select="/page/tka-category"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$c/@id">
        <xsl:call-template name="tka-name">
          <xsl:with-param name="names" select="$c/name"/>
          <xsl:with-param name="fallback" select="string($c/@slug)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.category.new')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title"><xsl:value-of select="$title"/></xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/tickets/admin/categories"><xsl:value-of select="pt:t('tickets.admin.back.categories')"/></a></p>
    <h1><xsl:value-of select="$title"/></h1>
    <section class="card form-card tka-form-card" aria-labelledby="category-form-title">
      <h2 id="category-form-title"><xsl:value-of select="pt:t('tickets.admin.category.details')"/></h2>
      <form class="form" method="post" novalidate="novalidate">
        <xsl:attribute name="action">
          <xsl:choose>
            <xsl:when test="$c/@id">/tickets/admin/categories/<xsl:value-of select="$c/@id"/></xsl:when>
            <xsl:otherwise>/tickets/admin/categories/new</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="tka-pair">
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'name_en'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.name-en'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'name_de'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.name-de'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
        </div>
        <div class="tka-pair">
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'description_en'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.description-en'"/>
            <xsl:with-param name="rows" select="3"/>
          </xsl:call-template>
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'description_de'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.description-de'"/>
            <xsl:with-param name="rows" select="3"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="tka-input">
          <xsl:with-param name="name" select="'slug'"/>
          <xsl:with-param name="label-key" select="'tickets.admin.slug'"/>
          <xsl:with-param name="hint-key" select="'tickets.admin.slug.hint'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="tka-input">
          <xsl:with-param name="name" select="'position'"/>
          <xsl:with-param name="label-key" select="'tickets.admin.position'"/>
          <xsl:with-param name="hint-key" select="'tickets.admin.position.hint'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="class" select="'tka-short'"/>
        </xsl:call-template>
        <button type="submit" class="btn btn-primary">
          <xsl:choose>
            <xsl:when test="$c/@id"><xsl:value-of select="pt:t('tickets.admin.save')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.category.create')"/></xsl:otherwise>
          </xsl:choose>
        </button>
      </form>
    </section>

    <xsl:if test="$c/@id">
      <section class="card form-card tka-danger-card" aria-labelledby="category-delete-title">
        <h2 id="category-delete-title"><xsl:value-of select="pt:t('tickets.admin.category.delete')"/></h2>
        <p>
          <xsl:choose>
            <xsl:when test="$c/@services &gt; 0">
              <xsl:call-template name="tka-fill">
                <xsl:with-param name="key" select="'tickets.admin.category.delete.has-services'"/>
                <xsl:with-param name="name" select="'n'"/>
                <xsl:with-param name="value" select="string($c/@services)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.category.delete.empty')"/></xsl:otherwise>
          </xsl:choose>
        </p>
        <form method="post" action="/tickets/admin/categories/{$c/@id}/delete">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <button type="submit" class="btn btn-danger"><xsl:value-of select="pt:t('tickets.admin.category.delete')"/></button>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
