<?xml version="1.0" encoding="UTF-8"?>
<!-- A knowledge-base category (view "category"): breadcrumbs, name and
     description, subcategories, the category's articles with a pager
     (20 a page). Data: /page/kb-category. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="kb-common.xsl"/>

  <xsl:template match="page" mode="head">
    <xsl:call-template name="kb-head"/>
  </xsl:template>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="kb-category/name"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="c" select="kb-category"/>
    <xsl:call-template name="kb-breadcrumbs">
      <xsl:with-param name="crumbs" select="$c/breadcrumbs/crumb"/>
      <xsl:with-param name="current" select="string($c/name)"/>
    </xsl:call-template>

    <div class="kb-head">
      <div>
        <h1><xsl:value-of select="$c/name"/></h1>
        <xsl:if test="string($c/description) != ''">
          <p class="lead"><xsl:value-of select="$c/description"/></p>
        </xsl:if>
      </div>
      <xsl:call-template name="kb-search-box"/>
    </div>

    <xsl:if test="$c/subcategories/category">
      <section class="kb-section" aria-labelledby="kb-subs">
        <h2 id="kb-subs"><xsl:value-of select="pt:t('kb.subcategories')"/></h2>
        <ul class="kb-cat-grid">
          <xsl:for-each select="$c/subcategories/category">
            <li class="kb-cat">
              <h3 class="kb-cat-name"><a href="{@href}"><xsl:value-of select="name"/></a></h3>
              <xsl:if test="string(description) != ''">
                <p class="kb-cat-desc"><xsl:value-of select="description"/></p>
              </xsl:if>
              <p class="kb-cat-count">
                <xsl:call-template name="kb-count"><xsl:with-param name="n" select="@articles"/></xsl:call-template>
              </p>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>

    <section class="kb-section" aria-labelledby="kb-arts">
      <h2 id="kb-arts">
        <xsl:value-of select="pt:t('kb.articles')"/>
        <xsl:text> </xsl:text>
        <span class="kb-total">(<xsl:value-of select="$c/pager/@total"/>)</span>
      </h2>
      <xsl:choose>
        <xsl:when test="$c/articles/article">
          <ul class="kb-list">
            <xsl:apply-templates select="$c/articles/article" mode="kb-item"/>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="kb-empty"><xsl:value-of select="pt:t('kb.articles.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="kb-pager">
        <xsl:with-param name="pager" select="$c/pager"/>
        <xsl:with-param name="base" select="concat('/kb/categories/', $c/@slug)"/>
      </xsl:call-template>
    </section>
  </xsl:template>

</xsl:stylesheet>
