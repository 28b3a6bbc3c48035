<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared parts of the knowledge-base views (home, category, article, faq,
  search ...). Include it (xsl:include, not import) after importing
  ../layout.xsl. It defines only named templates and one mode, so it never
  competes with a view's own templates. Strings come from the kb-browse
  catalogue (xslt/i18n/<lang>/kb-browse.xml).

    kb-head          the area's stylesheet links; call it from your view's
                     <xsl:template match="page" mode="head">.
                     Param print (boolean, default false): also link
                     kb-print.css for media="print" (article pages).
    kb-search-box    the search form: GET /kb/search, field q.
                     Params: q (the current query, default ''),
                     id (the input's id, default 'kb-q'; give a second box on
                     one page another id), size ('large' on the home page,
                     '' elsewhere).
    kb-breadcrumbs   <nav aria-label> with an ordered list of crumbs.
                     Params: crumbs (node-set of elements <crumb href="…">
                     text</crumb>, in order), current (text of the current
                     page, the last crumb, not a link; optional), home
                     (true: put the link to /kb/ first, for pages whose XML
                     has no crumbs; default false).
    kb-article-item  one <li> of an article list: linked title, optional
                     language note, summary, "updated" date, extra content.
                     Params: href, title, summary (strings), updated (ISO
                     8601 UTC, may be ''), lang (the text's language, may be
                     ''), fallback ('1' when lang is not the page language),
                     extra (a fragment copied after the summary, e.g. a
                     highlighted snippet; default none).
                     Wrap the items in <ul class="kb-list">.
    mode kb-item     apply-templates select="…/article" mode="kb-item" does
                     kb-article-item for the <article id href lang fallback
                     updated><title/><summary/></article> elements that
                     browse puts into lists.
    kb-lang-name     a content language's name ("German"), the code in
                     capitals when the catalogue has none. Param lang.
    kb-count         "1 article" / "12 articles". Param n.
    kb-pager         previous / next links and "page N of M" for
                     <pager page pages total/>. Params: pager (the element),
                     base (the address without page, e.g. '/kb/categories/x'
                     or '/kb/search?q=vpn'; page=N is appended with ? or &amp;).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:template name="kb-head">
    <xsl:param name="print" select="false()"/>
    <link rel="stylesheet" href="/static/css/kb.css"/>
    <xsl:if test="$print">
      <link rel="stylesheet" href="/static/css/kb-print.css" media="print"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="kb-search-box">
    <xsl:param name="q" select="''"/>
    <xsl:param name="id" select="'kb-q'"/>
    <xsl:param name="size" select="''"/>
    <form method="get" action="/kb/search" role="search" aria-label="{pt:t('kb.searchbox.label')}">
      <xsl:attribute name="class">
        <xsl:text>kb-search</xsl:text>
        <xsl:if test="$size = 'large'"> kb-search-large</xsl:if>
      </xsl:attribute>
      <label for="{$id}"><xsl:value-of select="pt:t('kb.searchbox.label')"/></label>
      <div class="kb-search-row">
        <input id="{$id}" name="q" type="search" value="{$q}"
            autocomplete="off" placeholder="{pt:t('kb.searchbox.placeholder')}">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'search'"/></xsl:call-template>
        </input>
        <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('kb.searchbox.submit')"/></button>
      </div>
    </form>
  </xsl:template>

  <xsl:template name="kb-breadcrumbs">
    <xsl:param name="crumbs"/>
    <xsl:param name="current" select="''"/>
    <xsl:param name="home" select="false()"/>
    <nav class="kb-crumbs" aria-label="{pt:t('kb.breadcrumbs')}">
      <ol>
        <xsl:if test="$home">
          <li><a href="/kb/"><xsl:value-of select="pt:t('kb.home')"/></a></li>
        </xsl:if>
        <xsl:for-each select="$crumbs">
          <li><a href="{@href}"><xsl:value-of select="."/></a></li>
        </xsl:for-each>
        <xsl:if test="string($current) != ''">
          <li><span aria-current="page"><xsl:value-of select="$current"/></span></li>
        </xsl:if>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template name="kb-article-item">
    <xsl:param name="href"/>
    <xsl:param name="title"/>
    <xsl:param name="summary" select="''"/>
    <xsl:param name="updated" select="''"/>
    <xsl:param name="lang" select="''"/>
    <xsl:param name="fallback" select="'0'"/>
    <xsl:param name="extra" select="/.."/>
    <li class="kb-item">
      <h3 class="kb-item-title">
        <a href="{$href}">
          <xsl:if test="$fallback = '1' and $lang != ''">
            <xsl:attribute name="hreflang"><xsl:value-of select="$lang"/></xsl:attribute>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$fallback = '1' and $lang != ''">
              <span lang="{$lang}"><xsl:value-of select="$title"/></span>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
          </xsl:choose>
        </a>
        <xsl:if test="$fallback = '1' and $lang != ''">
          <xsl:text> </xsl:text>
          <span class="badge kb-lang-badge">
            <xsl:call-template name="kb-lang-name"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
          </span>
        </xsl:if>
      </h3>
      <xsl:if test="string($summary) != ''">
        <p class="kb-item-summary">
          <xsl:if test="$fallback = '1' and $lang != ''">
            <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
          </xsl:if>
          <xsl:value-of select="$summary"/>
        </p>
      </xsl:if>
      <xsl:copy-of select="$extra"/>
      <xsl:if test="string($updated) != ''">
        <p class="kb-item-meta">
          <xsl:value-of select="pt:t('kb.updated')"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="pt-datetime">
            <xsl:with-param name="iso" select="$updated"/>
            <xsl:with-param name="style" select="'date'"/>
          </xsl:call-template>
        </p>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="article" mode="kb-item">
    <xsl:call-template name="kb-article-item">
      <xsl:with-param name="href" select="string(@href)"/>
      <xsl:with-param name="title" select="string(title)"/>
      <xsl:with-param name="summary" select="string(summary)"/>
      <xsl:with-param name="updated" select="string(@updated)"/>
      <xsl:with-param name="lang" select="string(@lang)"/>
      <xsl:with-param name="fallback" select="string(@fallback)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="kb-pager">
    <xsl:param name="pager"/>
    <xsl:param name="base"/>
    <xsl:variable name="page" select="number($pager/@page)"/>
    <xsl:variable name="pages" select="number($pager/@pages)"/>
    <xsl:variable name="sep">
      <xsl:choose>
        <xsl:when test="contains($base, '?')">&amp;</xsl:when>
        <xsl:otherwise>?</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$pages &gt; 1">
      <nav class="kb-pager" aria-label="{pt:t('kb.pager')}">
        <xsl:if test="$page &gt; 1">
          <a class="btn" rel="prev" href="{$base}{$sep}page={$page - 1}"><xsl:value-of select="pt:t('kb.pager.prev')"/></a>
        </xsl:if>
        <span class="kb-pager-pos">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text">
              <xsl:call-template name="pt-replace">
                <xsl:with-param name="text" select="pt:t('kb.pager.pos')"/>
                <xsl:with-param name="name" select="'page'"/>
                <xsl:with-param name="value" select="string($page)"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="name" select="'pages'"/>
            <xsl:with-param name="value" select="string($pages)"/>
          </xsl:call-template>
        </span>
        <xsl:if test="$page &lt; $pages">
          <a class="btn" rel="next" href="{$base}{$sep}page={$page + 1}"><xsl:value-of select="pt:t('kb.pager.next')"/></a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- kb-lang-name: the name of a content language in the page language
       (kb.lang.<code>), or the code in capitals for one without a name. -->
  <xsl:template name="kb-lang-name">
    <xsl:param name="lang"/>
    <xsl:variable name="key" select="concat('kb.lang.', $lang)"/>
    <xsl:variable name="name" select="pt:t($key)"/>
    <xsl:choose>
      <xsl:when test="$name != $key and $name != ''"><xsl:value-of select="$name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($lang, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- kb-count: "1 article" / "12 articles" for param n. -->
  <xsl:template name="kb-count">
    <xsl:param name="n"/>
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="number($n) = 1"><xsl:value-of select="pt:t('kb.count.one')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('kb.count.many')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="name" select="'n'"/>
      <xsl:with-param name="value" select="string($n)"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
