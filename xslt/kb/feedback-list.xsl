<?xml version="1.0" encoding="UTF-8"?>
<!-- Ratings and comments per article for editors (view "feedback-list"):
     period and sort filter, a table with views, yes/no, helpful rate and
     the latest comments, and a pager. -->
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
    <xsl:variable name="f" select="feedback"/>
    <h1><xsl:value-of select="pt:t('title.feedback-list')"/></h1>
    <p class="lead"><xsl:value-of select="pt:t('kb.fb.lead')"/></p>

    <form class="kb-search-form card" method="get" action="/kb/editor/feedback" aria-label="{pt:t('kb.fb.filter')}">
      <div class="kb-search-filters">
        <div class="field">
          <label for="period"><xsl:value-of select="pt:t('kb.fb.period')"/></label>
          <select id="period" name="period">
            <xsl:for-each select="str:split('7 30 90 365 all', ' ')">
              <option value="{.}">
                <xsl:if test=". = $f/@period"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="pt:t(concat('kb.fb.period.', .))"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <div class="field">
          <label for="sort"><xsl:value-of select="pt:t('kb.fb.sort')"/></label>
          <select id="sort" name="sort">
            <xsl:for-each select="str:split('worst best votes views', ' ')">
              <option value="{.}">
                <xsl:if test=". = $f/@sort"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="pt:t(concat('kb.fb.sort.', .))"/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <div class="kb-filter-submit">
          <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('kb.fb.apply')"/></button>
        </div>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="$f/articles/article">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="feedback-caption">
          <table class="data-table kb-feedback-table">
            <caption id="feedback-caption" class="visually-hidden"><xsl:value-of select="pt:t('title.feedback-list')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('kb.fb.article')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('kb.fb.views')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('kb.fb.yes')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('kb.fb.no')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('kb.fb.rate')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('kb.fb.comments')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$f/articles/article">
                <tr>
                  <th scope="row">
                    <a href="{@edit-href}"><xsl:value-of select="title"/></a>
                    <span class="kb-fb-status"><xsl:value-of select="pt:t(concat('kb.fb.status.', @status))"/></span>
                  </th>
                  <td class="num"><xsl:value-of select="@views"/></td>
                  <td class="num"><xsl:value-of select="@yes"/></td>
                  <td class="num"><xsl:value-of select="@no"/></td>
                  <td class="num"><xsl:value-of select="@rate"/> %</td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="comment">
                        <ul class="kb-fb-comments">
                          <xsl:for-each select="comment">
                            <li>
                              <span class="kb-fb-vote kb-fb-vote-{@helpful}"><xsl:value-of select="pt:t(concat('kb.fb.', @helpful))"/></span>
                              <xsl:text> </xsl:text>
                              <xsl:value-of select="."/>
                              <xsl:text> </xsl:text>
                              <span class="kb-fb-at">
                                <xsl:call-template name="pt-datetime">
                                  <xsl:with-param name="iso" select="string(@at)"/>
                                  <xsl:with-param name="style" select="'relative'"/>
                                </xsl:call-template>
                              </span>
                            </li>
                          </xsl:for-each>
                        </ul>
                      </xsl:when>
                      <xsl:otherwise>–</xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:apply-templates select="$f/pager"/>
      </xsl:when>
      <xsl:otherwise>
        <p class="kb-empty"><xsl:value-of select="pt:t('kb.fb.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="pager">
    <xsl:variable name="f" select=".."/>
    <xsl:variable name="query" select="concat('/kb/editor/feedback?period=', $f/@period, '&amp;sort=', $f/@sort, '&amp;page=')"/>
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
