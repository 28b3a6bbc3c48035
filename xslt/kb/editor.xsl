<?xml version="1.0" encoding="UTF-8"?>
<!-- The editors' list of every article (view "editor"): filters by status,
     category, language and title, a table with links to edit, pager. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="editor-common.xsl"/>

  <xsl:template match="page" mode="content">
    <xsl:variable name="l" select="kb-editor"/>
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('title.editor')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('kb.editor.lead')"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-primary" href="/kb/editor/new"><xsl:value-of select="pt:t('kb.editor.new')"/></a>
        <a class="btn btn-secondary" href="/kb/editor/feedback"><xsl:value-of select="pt:t('kb.editor.feedback')"/></a>
      </p>
    </div>

    <form class="filter-bar" method="get" action="/kb/editor" role="search" aria-label="{pt:t('kb.editor.filter')}">
      <div class="field">
        <label for="q"><xsl:value-of select="pt:t('kb.editor.search')"/></label>
        <input type="search" id="q" name="q" value="{$l/@q}">
          <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'q'"/></xsl:call-template>
        </input>
      </div>
      <div class="field">
        <label for="status"><xsl:value-of select="pt:t('kb.editor.status')"/></label>
        <select id="status" name="status">
          <option value=""><xsl:value-of select="pt:t('kb.editor.any')"/></option>
          <xsl:for-each select="str:split('draft review published archived', ' ')">
            <option value="{.}">
              <xsl:if test=". = $l/@status"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('kb.editor.status.', .))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="field">
        <label for="category"><xsl:value-of select="pt:t('kb.editor.category')"/></label>
        <select id="category" name="category">
          <option value=""><xsl:value-of select="pt:t('kb.editor.any')"/></option>
          <xsl:apply-templates select="$l/categories/category" mode="option">
            <xsl:with-param name="selected" select="string($l/@category)"/>
          </xsl:apply-templates>
        </select>
      </div>
      <div class="field">
        <label for="lang"><xsl:value-of select="pt:t('kb.editor.language')"/></label>
        <select id="lang" name="lang">
          <option value=""><xsl:value-of select="pt:t('kb.editor.any')"/></option>
          <xsl:for-each select="$l/languages/language">
            <option value="{@code}">
              <xsl:if test="@code = $l/@lang"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="pt:t(concat('lang.', @code))"/>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <div class="filter-submit">
        <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('kb.editor.filter.apply')"/></button>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="$l/article">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="articles-caption">
        <table class="data-table kb-editor-table">
          <caption id="articles-caption" class="visually-hidden"><xsl:value-of select="pt:t('title.editor')"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.title')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.status')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.category')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.audience')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.languages')"/></th>
              <th scope="col"><xsl:value-of select="pt:t('kb.editor.updated')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$l/article">
              <xsl:variable name="cat" select="@category"/>
              <tr>
                <th scope="row">
                  <a href="/kb/editor/articles/{@id}">
                    <xsl:choose>
                      <xsl:when test="string(title) != ''"><xsl:value-of select="title"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@slug"/></xsl:otherwise>
                    </xsl:choose>
                  </a>
                  <span class="kb-slug"><xsl:value-of select="@slug"/></span>
                </th>
                <td>
                  <xsl:call-template name="kb-status"><xsl:with-param name="status" select="string(@status)"/></xsl:call-template>
                </td>
                <td><xsl:value-of select="$l/categories/category[@id = $cat]"/></td>
                <td>
                  <xsl:call-template name="kb-audience"><xsl:with-param name="audience" select="string(@audience)"/></xsl:call-template>
                </td>
                <td>
                  <xsl:for-each select="str:tokenize(string(@langs), ' ')">
                    <abbr class="kb-lang" title="{pt:t(concat('lang.', .))}"><xsl:value-of select="."/></abbr>
                    <xsl:text> </xsl:text>
                  </xsl:for-each>
                </td>
                <td>
                  <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@updated)"/><xsl:with-param name="style" select="'relative'"/></xsl:call-template>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('kb.editor.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:apply-templates select="$l/pager"/>
  </xsl:template>

  <xsl:template match="category" mode="option">
    <xsl:param name="selected"/>
    <option value="{@id}">
      <xsl:if test="@id = $selected"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
      <xsl:if test="@parent">&#8212; </xsl:if>
      <xsl:value-of select="."/>
    </option>
  </xsl:template>

  <xsl:template match="pager">
    <xsl:variable name="l" select=".."/>
    <xsl:variable name="query">
      <xsl:text>?</xsl:text>
      <xsl:if test="string($l/@q) != ''">q=<xsl:value-of select="str:encode-uri(string($l/@q), true())"/>&amp;</xsl:if>
      <xsl:if test="string($l/@status) != ''">status=<xsl:value-of select="$l/@status"/>&amp;</xsl:if>
      <xsl:if test="string($l/@category) != ''">category=<xsl:value-of select="$l/@category"/>&amp;</xsl:if>
      <xsl:if test="string($l/@lang) != ''">lang=<xsl:value-of select="$l/@lang"/>&amp;</xsl:if>
      <xsl:text>page=</xsl:text>
    </xsl:variable>
    <nav class="pager" aria-label="{pt:t('kb.editor.pager.label')}">
      <p class="pager-status">
        <xsl:call-template name="pt-replace">
          <xsl:with-param name="text">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text">
                <xsl:call-template name="pt-replace">
                  <xsl:with-param name="text" select="pt:t('kb.editor.pager.status')"/>
                  <xsl:with-param name="name" select="'page'"/>
                  <xsl:with-param name="value" select="string(@page)"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="name" select="'pages'"/>
              <xsl:with-param name="value" select="string(@pages)"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="name" select="'total'"/>
          <xsl:with-param name="value" select="string(@total)"/>
        </xsl:call-template>
      </p>
      <xsl:if test="@pages &gt; 1">
        <ul class="pager-links">
          <xsl:if test="@page &gt; 1">
            <li><a rel="prev" href="/kb/editor{$query}{@page - 1}"><xsl:value-of select="pt:t('kb.editor.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="@page &lt; @pages">
            <li><a rel="next" href="/kb/editor{$query}{@page + 1}"><xsl:value-of select="pt:t('kb.editor.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </xsl:if>
    </nav>
  </xsl:template>

</xsl:stylesheet>
