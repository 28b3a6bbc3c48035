<?xml version="1.0" encoding="UTF-8"?>
<!-- Knowledge base home (view "home", public): search box, the top-level
     categories the reader may see with their article counts, popular and
     recently updated articles, a link to the FAQ. Data: /page/kb-home. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="kb-common.xsl"/>

  <xsl:template match="page" mode="head">
    <xsl:call-template name="kb-head"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="kb" select="kb-home"/>
    <section class="card kb-hero" aria-labelledby="kb-title">
      <h1 id="kb-title"><xsl:value-of select="pt:t('kb.home')"/></h1>
      <p class="lead"><xsl:value-of select="pt:t('kb.home.lead')"/></p>
      <xsl:call-template name="kb-search-box">
        <xsl:with-param name="size" select="'large'"/>
      </xsl:call-template>
      <p class="kb-faq-link">
        <a href="/kb/faq"><xsl:value-of select="pt:t('kb.faq.link')"/></a>
      </p>
    </section>

    <section class="kb-section" aria-labelledby="kb-cats">
      <h2 id="kb-cats"><xsl:value-of select="pt:t('kb.categories')"/></h2>
      <xsl:choose>
        <xsl:when test="$kb/categories/category">
          <ul class="kb-cat-grid">
            <xsl:for-each select="$kb/categories/category">
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
        </xsl:when>
        <xsl:otherwise>
          <p class="kb-empty"><xsl:value-of select="pt:t('kb.categories.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <div class="kb-columns">
      <section class="kb-section" aria-labelledby="kb-popular">
        <h2 id="kb-popular"><xsl:value-of select="pt:t('kb.popular')"/></h2>
        <xsl:call-template name="kb-list">
          <xsl:with-param name="items" select="$kb/popular/article"/>
        </xsl:call-template>
      </section>
      <section class="kb-section" aria-labelledby="kb-recent">
        <h2 id="kb-recent"><xsl:value-of select="pt:t('kb.recent')"/></h2>
        <xsl:call-template name="kb-list">
          <xsl:with-param name="items" select="$kb/recent/article"/>
        </xsl:call-template>
      </section>
    </div>
  </xsl:template>

  <xsl:template name="kb-list">
    <xsl:param name="items"/>
    <xsl:choose>
      <xsl:when test="$items">
        <ul class="kb-list">
          <xsl:apply-templates select="$items" mode="kb-item"/>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <p class="kb-empty"><xsl:value-of select="pt:t('kb.articles.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
