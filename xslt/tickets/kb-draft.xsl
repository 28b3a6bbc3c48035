<?xml version="1.0" encoding="UTF-8"?>
<!-- "Turn this answer into a knowledge base draft" (view "kb-draft"): the
     answer, and the draft's title, language, category, audience and body
     (Markdown), filled from the answer. When the answer has its draft
     already, the page links to it instead. Data: kb-draft (message,
     categories, @article) and form kb-draft. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pt str">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>

  <xsl:variable name="d" select="/page/kb-draft"/>
  <xsl:variable name="v" select="/page/form[@name = 'kb-draft']"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="pt:t('tickets.kb-draft.heading')"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link">
      <a href="{$d/@href}">
        <xsl:call-template name="tk-fill">
          <xsl:with-param name="key" select="'tickets.kb-draft.back'"/>
          <xsl:with-param name="name" select="'number'"/>
          <xsl:with-param name="value" select="string($d/@number)"/>
        </xsl:call-template>
      </a>
    </p>
    <div class="card form-card tk-form-card">
      <p class="eyebrow"><xsl:value-of select="concat($d/@number, ': ', $d/subject)"/></p>
      <h1><xsl:value-of select="pt:t('tickets.kb-draft.heading')"/></h1>
      <xsl:choose>
        <xsl:when test="$d/@article">
          <p>
            <xsl:value-of select="pt:t('tickets.kb-draft.made')"/>
            <xsl:text> </xsl:text>
            <xsl:choose>
              <xsl:when test="$d/@article-href"><a href="{$d/@article-href}"><xsl:value-of select="concat('#', $d/@article)"/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat('#', $d/@article)"/></xsl:otherwise>
            </xsl:choose>
          </p>
        </xsl:when>
        <xsl:otherwise>
          <p class="lead"><xsl:value-of select="pt:t('tickets.kb-draft.lead')"/></p>
          <section class="tk-draft-answer" aria-labelledby="answer-title">
            <h2 id="answer-title"><xsl:value-of select="pt:t('tickets.kb-draft.answer')"/></h2>
            <p class="hint">
              <xsl:value-of select="$d/message/@author"/>
              <xsl:text> · </xsl:text>
              <xsl:call-template name="pt-datetime">
                <xsl:with-param name="iso" select="string($d/message/@created)"/>
              </xsl:call-template>
            </p>
            <div class="tk-body"><xsl:value-of select="$d/message"/></div>
          </section>
          <form class="form" method="post" action="{$d/@href}/kb-draft" novalidate="novalidate">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <input type="hidden" name="message" value="{$d/message/@id}"/>
            <xsl:call-template name="tk-draft-text">
              <xsl:with-param name="name" select="'title'"/>
            </xsl:call-template>
            <div class="field">
              <xsl:if test="/page/messages/message[@field = 'lang' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
              <label for="lang"><xsl:value-of select="pt:t('tickets.kb-draft.lang')"/></label>
              <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'lang'"/></xsl:call-template>
              <select id="lang" name="lang">
                <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'lang'"/></xsl:call-template>
                <xsl:for-each select="/page/languages/language">
                  <option value="{@code}">
                    <xsl:if test="@code = $v/field[@name = 'lang']"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:value-of select="pt:t(concat('lang.', @code))"/>
                  </option>
                </xsl:for-each>
              </select>
            </div>
            <div class="field">
              <xsl:if test="/page/messages/message[@field = 'category' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
              <label for="category"><xsl:value-of select="pt:t('tickets.kb-draft.category')"/></label>
              <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'category'"/></xsl:call-template>
              <select id="category" name="category">
                <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'category'"/></xsl:call-template>
                <option value=""><xsl:value-of select="pt:t('tickets.kb-draft.category.choose')"/></option>
                <xsl:for-each select="$d/categories/category">
                  <option value="{@id}">
                    <xsl:if test="@id = $v/field[@name = 'category']"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:value-of select="."/>
                    <xsl:value-of select="concat(' (', pt:t(concat('tickets.kb-draft.audience.', @audience)), ')')"/>
                  </option>
                </xsl:for-each>
              </select>
            </div>
            <div class="field">
              <xsl:if test="/page/messages/message[@field = 'audience' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
              <label for="audience"><xsl:value-of select="pt:t('tickets.kb-draft.audience')"/></label>
              <p class="hint" id="audience-help"><xsl:value-of select="pt:t('tickets.kb-draft.audience.help')"/></p>
              <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'audience'"/></xsl:call-template>
              <select id="audience" name="audience" aria-describedby="audience-help">
                <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'audience'"/></xsl:call-template>
                <xsl:for-each select="str:split('internal customer partner public', ' ')">
                  <option value="{.}">
                    <xsl:if test=". = $v/field[@name = 'audience']"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:value-of select="pt:t(concat('tickets.kb-draft.audience.', .))"/>
                  </option>
                </xsl:for-each>
              </select>
            </div>
            <div class="field">
              <xsl:if test="/page/messages/message[@field = 'body' and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
              <label for="body"><xsl:value-of select="pt:t('tickets.kb-draft.body')"/></label>
              <p class="hint" id="body-help"><xsl:value-of select="pt:t('tickets.kb-draft.body.help')"/></p>
              <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'body'"/></xsl:call-template>
              <textarea id="body" name="body" rows="12" aria-describedby="body-help">
                <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'body'"/></xsl:call-template>
                <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'body'"/></xsl:call-template>
                <xsl:value-of select="$v/field[@name = 'body']"/>
              </textarea>
            </div>
            <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('tickets.kb-draft.submit')"/></button>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <xsl:template name="tk-draft-text">
    <xsl:param name="name"/>
    <div class="field">
      <xsl:if test="/page/messages/message[@field = $name and @kind = 'error']"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="{$name}"><xsl:value-of select="pt:t(concat('tickets.kb-draft.', $name, '.label'))"/></label>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <input type="text" id="{$name}" name="{$name}" value="{$v/field[@name = $name]}">
        <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="$name"/></xsl:call-template>
        <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      </input>
    </div>
  </xsl:template>

</xsl:stylesheet>
