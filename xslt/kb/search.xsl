<?xml version="1.0" encoding="UTF-8"?>
<!-- Knowledge base search (view "search"): the form with its filters, the
     ranked results with highlighted snippets (<hit> in the XML becomes
     <mark>), the pager, and help when nothing was found. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/kb-search.css"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="s" select="search"/>
    <h1><xsl:value-of select="pt:t('title.search')"/></h1>

    <form class="kb-search-form card" method="get" action="/kb/search" role="search"
        aria-label="{pt:t('kb.search.label')}">
      <div class="kb-search-main">
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'q']">
            <xsl:attribute name="class">field has-error</xsl:attribute>
          </xsl:if>
          <label for="q"><xsl:value-of select="pt:t('kb.search.q')"/></label>
          <xsl:call-template name="pt-field-errors">
            <xsl:with-param name="field" select="'q'"/>
          </xsl:call-template>
          <input type="search" id="q" name="q" value="{$s/@q}">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'search'"/></xsl:call-template>
            <xsl:call-template name="pt-field-aria">
              <xsl:with-param name="field" select="'q'"/>
            </xsl:call-template>
            <xsl:if test="/page/form[@name = 'search']">
              <xsl:attribute name="value"><xsl:value-of select="/page/form[@name = 'search']/field[@name = 'q']"/></xsl:attribute>
            </xsl:if>
          </input>
        </div>
        <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('kb.search.submit')"/></button>
      </div>
      <div class="kb-search-filters">
        <div class="field">
          <label for="category"><xsl:value-of select="pt:t('kb.search.category')"/></label>
          <select id="category" name="category">
            <option value=""><xsl:value-of select="pt:t('kb.search.category.any')"/></option>
            <xsl:for-each select="$s/categories/category">
              <option value="{@slug}">
                <xsl:if test="@slug = $s/@category"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:if test="@level = '1'"><xsl:text>– </xsl:text></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <div class="field">
          <label for="tag"><xsl:value-of select="pt:t('kb.search.tag')"/></label>
          <input type="text" id="tag" name="tag" value="{$s/@tag}">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'tag'"/></xsl:call-template>
          </input>
        </div>
        <div class="field">
          <label for="lang"><xsl:value-of select="pt:t('kb.search.lang')"/></label>
          <select id="lang" name="lang">
            <xsl:for-each select="/page/languages/language">
              <option value="{@code}">
                <xsl:if test="@code = $s/@lang"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="pt:t(concat('lang.', @code))"/>
              </option>
            </xsl:for-each>
            <option value="all">
              <xsl:if test="$s/@lang = 'all'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t('kb.search.lang.all')"/>
            </option>
          </select>
        </div>
      </div>
    </form>

    <xsl:if test="$s/@searched = '1'">
      <section class="kb-results" aria-labelledby="kb-results-heading">
        <h2 id="kb-results-heading" class="kb-results-count">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text">
              <xsl:choose>
                <xsl:when test="$s/@total-about = '1'"><xsl:value-of select="pt:t('kb.search.count.about')"/></xsl:when>
                <xsl:when test="$s/@total = 1"><xsl:value-of select="pt:t('kb.search.count.one')"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="pt:t('kb.search.count')"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="name" select="'n'"/>
            <xsl:with-param name="value" select="string($s/@total)"/>
          </xsl:call-template>
        </h2>
        <xsl:choose>
          <xsl:when test="$s/results/result">
            <ol class="kb-result-list" start="{($s/pager/@page - 1) * 10 + 1}">
              <xsl:apply-templates select="$s/results/result"/>
            </ol>
            <xsl:apply-templates select="$s/pager"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="$s/nothing"/>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="result">
    <li class="kb-result">
      <h3 class="kb-result-title">
        <a href="{@href}">
          <xsl:if test="@lang != /page/@lang"><xsl:attribute name="hreflang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
          <xsl:if test="@lang != /page/@lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
          <xsl:value-of select="title"/>
        </a>
      </h3>
      <xsl:apply-templates select="snippet"/>
      <p class="kb-result-meta">
        <xsl:if test="category">
          <span class="kb-result-category"><xsl:value-of select="category"/></span>
        </xsl:if>
        <xsl:if test="@lang != /page/@lang">
          <span class="kb-result-lang"><xsl:value-of select="pt:t(concat('lang.', @lang))"/></span>
        </xsl:if>
        <span class="kb-result-updated">
          <xsl:value-of select="pt:t('kb.search.updated')"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="pt-datetime">
            <xsl:with-param name="iso" select="string(@updated)"/>
            <xsl:with-param name="style" select="'date'"/>
          </xsl:call-template>
        </span>
      </p>
    </li>
  </xsl:template>

  <xsl:template match="snippet">
    <p class="kb-snippet">
      <xsl:if test="../@lang != /page/@lang"><xsl:attribute name="lang"><xsl:value-of select="../@lang"/></xsl:attribute></xsl:if>
      <xsl:if test="@cut-start = '1'"><xsl:text>… </xsl:text></xsl:if>
      <xsl:apply-templates select="node()" mode="snippet"/>
      <xsl:if test="@cut-end = '1'"><xsl:text> …</xsl:text></xsl:if>
    </p>
  </xsl:template>
  <xsl:template match="hit" mode="snippet"><mark><xsl:value-of select="."/></mark></xsl:template>
  <xsl:template match="text()" mode="snippet"><xsl:value-of select="."/></xsl:template>

  <!-- Nothing found: a spelling suggestion, matching categories, support. -->
  <xsl:template match="nothing">
    <xsl:variable name="s" select=".."/>
    <div class="kb-nothing">
      <p class="lead"><xsl:value-of select="pt:t('kb.search.none')"/></p>
      <xsl:if test="did-you-mean">
        <p class="kb-did-you-mean">
          <xsl:value-of select="pt:t('kb.search.did-you-mean')"/>
          <xsl:text> </xsl:text>
          <a href="/kb/search?q={str:encode-uri(string(did-you-mean/@q), true())}&amp;lang={$s/@lang}&amp;category={$s/@category}&amp;tag={str:encode-uri(string($s/@tag), true())}"><xsl:value-of select="did-you-mean"/></a>
          <xsl:text>?</xsl:text>
        </p>
      </xsl:if>
      <xsl:if test="category">
        <p><xsl:value-of select="pt:t('kb.search.categories')"/></p>
        <ul class="kb-nothing-categories">
          <xsl:for-each select="category">
            <li><a href="{@href}"><xsl:value-of select="."/></a></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <p class="kb-support"><xsl:value-of select="pt:t('kb.search.support')"/></p>
    </div>
  </xsl:template>

  <!-- Previous / next keep the query, the filters and the search's log row. -->
  <xsl:template match="pager">
    <xsl:variable name="s" select=".."/>
    <xsl:variable name="query">
      <xsl:text>/kb/search?q=</xsl:text>
      <xsl:value-of select="str:encode-uri(string($s/@q), true())"/>
      <xsl:text>&amp;lang=</xsl:text><xsl:value-of select="$s/@lang"/>
      <xsl:if test="string($s/@category) != ''">&amp;category=<xsl:value-of select="$s/@category"/></xsl:if>
      <xsl:if test="string($s/@tag) != ''">&amp;tag=<xsl:value-of select="str:encode-uri(string($s/@tag), true())"/></xsl:if>
      <xsl:text>&amp;s=</xsl:text><xsl:value-of select="$s/@search-id"/>
      <xsl:text>&amp;page=</xsl:text>
    </xsl:variable>
    <xsl:if test="@pages &gt; 1">
      <nav class="kb-pager" aria-label="{pt:t('kb.search.pager')}">
        <p class="kb-pager-status">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text">
              <xsl:call-template name="pt-replace">
                <xsl:with-param name="text" select="pt:t('kb.search.pager.status')"/>
                <xsl:with-param name="name" select="'page'"/>
                <xsl:with-param name="value" select="string(@page)"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="name" select="'pages'"/>
            <xsl:with-param name="value" select="string(@pages)"/>
          </xsl:call-template>
        </p>
        <ul class="kb-pager-links">
          <xsl:if test="@page &gt; 1">
            <li><a rel="prev" class="btn" href="{$query}{@page - 1}"><xsl:value-of select="pt:t('kb.search.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="@page &lt; @pages">
            <li><a rel="next" class="btn" href="{$query}{@page + 1}"><xsl:value-of select="pt:t('kb.search.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
