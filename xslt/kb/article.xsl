<?xml version="1.0" encoding="UTF-8"?>
<!-- A knowledge-base article (view "article", public for public articles):
     breadcrumbs, title, summary, "last updated", a notice when the text is
     a fallback language, the body (sanitised XHTML, copied as is), tags,
     attachments, other languages, related articles and the "Was this
     helpful?" form (POST /kb/articles/<id>/feedback). kb-print.css makes
     the printed page the article alone. Data: /page/article. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="kb-common.xsl"/>
  <xsl:include href="../common/table.xsl"/>

  <xsl:template match="page" mode="head">
    <xsl:call-template name="kb-head">
      <xsl:with-param name="print" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="article/title"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="a" select="article"/>
    <xsl:call-template name="kb-breadcrumbs">
      <xsl:with-param name="crumbs" select="$a/breadcrumbs/crumb"/>
      <xsl:with-param name="current" select="string($a/title)"/>
    </xsl:call-template>

    <div class="kb-article-layout">
      <article class="card kb-article" aria-labelledby="kb-article-title">
        <xsl:if test="$a/@fallback = '1'">
          <xsl:attribute name="lang"><xsl:value-of select="$a/@lang"/></xsl:attribute>
        </xsl:if>
        <header class="kb-article-head">
          <h1 id="kb-article-title"><xsl:value-of select="$a/title"/></h1>
          <xsl:if test="string($a/summary) != ''">
            <p class="lead kb-summary"><xsl:value-of select="$a/summary"/></p>
          </xsl:if>
          <p class="kb-article-meta" lang="{/page/@lang}">
            <span class="kb-updated">
              <xsl:value-of select="pt:t('kb.last-updated')"/>
              <xsl:text> </xsl:text>
              <xsl:call-template name="pt-datetime">
                <xsl:with-param name="iso" select="string($a/@updated)"/>
                <xsl:with-param name="style" select="'date'"/>
              </xsl:call-template>
            </span>
            <xsl:if test="string($a/category) != ''">
              <span class="kb-meta-sep" aria-hidden="true"> · </span>
              <span class="kb-in-category">
                <xsl:value-of select="pt:t('kb.in-category')"/>
                <xsl:text> </xsl:text>
                <xsl:choose>
                  <xsl:when test="$a/breadcrumbs/crumb[@href = concat('/kb/categories/', $a/category/@slug)]">
                    <a href="/kb/categories/{$a/category/@slug}"><xsl:value-of select="$a/category"/></a>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="$a/category"/></xsl:otherwise>
                </xsl:choose>
              </span>
            </xsl:if>
            <span class="kb-meta-sep" aria-hidden="true"> · </span>
            <span class="kb-views">
              <xsl:call-template name="pt-replace">
                <xsl:with-param name="text" select="pt:t('kb.views')"/>
                <xsl:with-param name="name" select="'n'"/>
                <xsl:with-param name="value" select="string($a/@views)"/>
              </xsl:call-template>
            </span>
          </p>
        </header>

        <xsl:if test="$a/@fallback = '1'">
          <div class="alert alert-info kb-fallback" role="note" lang="{/page/@lang}">
            <p>
              <xsl:call-template name="pt-replace">
                <xsl:with-param name="text" select="pt:t('kb.fallback')"/>
                <xsl:with-param name="name" select="'lang'"/>
                <xsl:with-param name="value"><xsl:call-template name="kb-lang-name"><xsl:with-param name="lang" select="string($a/@lang)"/></xsl:call-template></xsl:with-param>
              </xsl:call-template>
            </p>
          </div>
        </xsl:if>

        <div class="kb-body">
          <xsl:apply-templates select="$a/body/node()" mode="pt-rich-text"/>
        </div>

        <xsl:if test="$a/tags/tag">
          <div class="kb-tags" lang="{/page/@lang}">
            <h2 class="kb-minor"><xsl:value-of select="pt:t('kb.tags')"/></h2>
            <ul class="kb-tag-list">
              <xsl:for-each select="$a/tags/tag">
                <li><a class="badge" href="{@href}"><xsl:value-of select="."/></a></li>
              </xsl:for-each>
            </ul>
          </div>
        </xsl:if>

        <xsl:if test="$a/attachments/file">
          <div class="kb-files" lang="{/page/@lang}">
            <h2 class="kb-minor"><xsl:value-of select="pt:t('kb.attachments')"/></h2>
            <ul class="kb-file-list">
              <xsl:for-each select="$a/attachments/file">
                <li>
                  <a href="{@href}" type="{@type}"><xsl:value-of select="."/></a>
                  <xsl:text> </xsl:text>
                  <span class="kb-file-size">(<xsl:call-template name="kb-size"><xsl:with-param name="bytes" select="number(@size)"/></xsl:call-template>)</span>
                </li>
              </xsl:for-each>
            </ul>
          </div>
        </xsl:if>

        <xsl:if test="count($a/translations/translation) &gt; 1">
          <p class="kb-translations" lang="{/page/@lang}">
            <xsl:value-of select="pt:t('kb.translations')"/>
            <xsl:text> </xsl:text>
            <xsl:for-each select="$a/translations/translation">
              <xsl:call-template name="kb-lang-name"><xsl:with-param name="lang" select="string(@lang)"/></xsl:call-template>
              <xsl:if test="position() != last()">, </xsl:if>
            </xsl:for-each>
            <xsl:if test="$a/@fallback = '1' or $a/translations/translation[@lang != $a/@lang]">
              <xsl:text> </xsl:text>
              <span class="kb-translations-hint"><xsl:value-of select="pt:t('kb.translations.hint')"/></span>
            </xsl:if>
          </p>
        </xsl:if>
      </article>

      <aside class="kb-aside">
        <xsl:if test="$a/related/ref">
          <section class="card kb-related" aria-labelledby="kb-related-title">
            <h2 id="kb-related-title"><xsl:value-of select="pt:t('kb.related')"/></h2>
            <ul>
              <xsl:for-each select="$a/related/ref">
                <li><a href="{@href}"><xsl:value-of select="."/></a></li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:if>

        <section class="card kb-feedback" aria-labelledby="kb-feedback-title">
          <h2 id="kb-feedback-title"><xsl:value-of select="pt:t('kb.feedback.question')"/></h2>
          <xsl:choose>
            <xsl:when test="/page/messages/message[@key = 'kb.feedback.thanks']">
              <p class="kb-feedback-done"><xsl:value-of select="pt:t('kb.feedback.done')"/></p>
            </xsl:when>
            <xsl:otherwise>
              <form class="form" method="post" action="/kb/articles/{$a/@id}/feedback">
                <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                <div class="field">
                  <label for="kb-comment"><xsl:value-of select="pt:t('kb.feedback.comment')"/></label>
                  <p class="field-hint" id="kb-comment-hint"><xsl:value-of select="pt:t('kb.feedback.comment.hint')"/></p>
                  <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'comment'"/></xsl:call-template>
                  <textarea id="kb-comment" name="comment" rows="3" aria-describedby="kb-comment-hint">
                    <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'comment'"/></xsl:call-template>
                    <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'comment'"/></xsl:call-template>
                    <xsl:value-of select="/page/form/field[@name = 'comment']"/>
                  </textarea>
                </div>
                <div class="kb-feedback-buttons">
                  <button type="submit" name="helpful" value="yes" class="btn btn-primary"><xsl:value-of select="pt:t('kb.feedback.yes')"/></button>
                  <button type="submit" name="helpful" value="no" class="btn kb-btn-secondary"><xsl:value-of select="pt:t('kb.feedback.no')"/></button>
                </div>
              </form>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="number($a/@helpful-yes) + number($a/@helpful-no) &gt; 0">
            <p class="kb-feedback-stats">
              <xsl:call-template name="pt-replace">
                <xsl:with-param name="text">
                  <xsl:call-template name="pt-replace">
                    <xsl:with-param name="text" select="pt:t('kb.feedback.stats')"/>
                    <xsl:with-param name="name" select="'yes'"/>
                    <xsl:with-param name="value" select="string($a/@helpful-yes)"/>
                  </xsl:call-template>
                </xsl:with-param>
                <xsl:with-param name="name" select="'total'"/>
                <xsl:with-param name="value" select="string(number($a/@helpful-yes) + number($a/@helpful-no))"/>
              </xsl:call-template>
            </p>
          </xsl:if>
        </section>
      </aside>
    </div>
    <p class="kb-back"><a href="/kb/"><xsl:value-of select="pt:t('kb.back-home')"/></a></p>
  </xsl:template>

  <!-- A size in bytes as "12 KB" / "1.4 MB". -->
  <xsl:template name="kb-size">
    <xsl:param name="bytes"/>
    <xsl:choose>
      <xsl:when test="$bytes &gt;= 1048576"><xsl:value-of select="format-number($bytes div 1048576, '0.0')"/> MB</xsl:when>
      <xsl:when test="$bytes &gt;= 1024"><xsl:value-of select="format-number($bytes div 1024, '0')"/> KB</xsl:when>
      <xsl:otherwise><xsl:value-of select="$bytes"/> B</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
