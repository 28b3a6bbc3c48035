<?xml version="1.0" encoding="UTF-8"?>
<!-- The FAQ (view "faq"): topics in order, each entry a <details> whose
     <summary> is the question (works without JavaScript), the answer
     (sanitised XHTML, copied) and an optional link to the full article.
     Entries shown in another language than the page say so. Data: /page/faq. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="kb-common.xsl"/>
  <xsl:include href="../common/table.xsl"/>

  <xsl:template match="page" mode="head">
    <xsl:call-template name="kb-head"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="kb-breadcrumbs">
      <xsl:with-param name="crumbs" select="/.."/>
      <xsl:with-param name="home" select="true()"/>
      <xsl:with-param name="current" select="pt:t('kb.faq')"/>
    </xsl:call-template>
    <div class="kb-head">
      <div>
        <h1><xsl:value-of select="pt:t('kb.faq')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('kb.faq.lead')"/></p>
      </div>
      <xsl:call-template name="kb-search-box"/>
    </div>

    <xsl:choose>
      <xsl:when test="faq/topic">
        <xsl:if test="count(faq/topic) &gt; 1">
          <nav class="kb-toc" aria-labelledby="kb-toc-title">
            <h2 id="kb-toc-title" class="visually-hidden"><xsl:value-of select="pt:t('kb.faq.topics')"/></h2>
            <ul>
              <xsl:for-each select="faq/topic">
                <li><a href="#topic-{@slug}"><xsl:value-of select="name"/></a></li>
              </xsl:for-each>
            </ul>
          </nav>
        </xsl:if>
        <xsl:for-each select="faq/topic">
          <section class="kb-section kb-faq-topic" id="topic-{@slug}" aria-labelledby="topic-{@slug}-title">
            <h2 id="topic-{@slug}-title"><xsl:value-of select="name"/></h2>
            <div class="kb-faq-list">
              <xsl:apply-templates select="entry"/>
            </div>
          </section>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <p class="kb-empty"><xsl:value-of select="pt:t('kb.faq.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
    <p class="kb-back"><a href="/kb/"><xsl:value-of select="pt:t('kb.back-home')"/></a></p>
  </xsl:template>

  <xsl:template match="entry">
    <details class="kb-faq" id="faq-{@id}">
      <xsl:if test="@fallback = '1'">
        <xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute>
      </xsl:if>
      <summary><xsl:value-of select="question"/></summary>
      <div class="kb-faq-answer">
        <xsl:if test="@fallback = '1'">
          <p class="kb-fallback-note" lang="{/page/@lang}">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text" select="pt:t('kb.faq.fallback')"/>
              <xsl:with-param name="name" select="'lang'"/>
              <xsl:with-param name="value"><xsl:call-template name="kb-lang-name"><xsl:with-param name="lang" select="string(@lang)"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
          </p>
        </xsl:if>
        <div class="kb-body"><xsl:apply-templates select="answer/node()" mode="pt-rich-text"/></div>
        <xsl:if test="string(@article-href) != ''">
          <p class="kb-faq-more">
            <a href="{@article-href}"><xsl:value-of select="pt:t('kb.faq.read-more')"/></a>
          </p>
        </xsl:if>
      </div>
    </details>
  </xsl:template>

</xsl:stylesheet>
