<?xml version="1.0" encoding="UTF-8"?>
<!-- The rating form again (view "feedback"), answered 422 when a rating
     posted from the article page was incomplete or too long: the errors
     next to the fields, the comment kept, a way back to the article. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/kb-search.css"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="a" select="article"/>
    <xsl:variable name="f" select="form[@name = 'feedback']"/>
    <section class="card kb-feedback-card">
      <p class="eyebrow"><a href="{$a/@href}"><xsl:value-of select="$a/title"/></a></p>
      <h1><xsl:value-of select="pt:t('kb.rate.question')"/></h1>
      <form method="post" action="{$a/@href}/feedback" class="form" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <fieldset class="kb-feedback-choice" id="helpful">
          <xsl:if test="/page/messages/message[@field = 'helpful']">
            <xsl:attribute name="aria-describedby">helpful-error</xsl:attribute>
          </xsl:if>
          <legend><xsl:value-of select="pt:t('kb.rate.question')"/></legend>
          <xsl:call-template name="pt-field-errors">
            <xsl:with-param name="field" select="'helpful'"/>
          </xsl:call-template>
          <label>
            <input type="radio" name="helpful" value="yes">
              <xsl:if test="$f/field[@name = 'helpful'] = 'yes'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <xsl:text> </xsl:text>
            <xsl:value-of select="pt:t('kb.rate.yes')"/>
          </label>
          <label>
            <input type="radio" name="helpful" value="no">
              <xsl:if test="$f/field[@name = 'helpful'] = 'no'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <xsl:text> </xsl:text>
            <xsl:value-of select="pt:t('kb.rate.no')"/>
          </label>
        </fieldset>
        <div class="field">
          <xsl:if test="/page/messages/message[@field = 'comment']">
            <xsl:attribute name="class">field has-error</xsl:attribute>
          </xsl:if>
          <label for="comment"><xsl:value-of select="pt:t('kb.rate.comment')"/></label>
          <xsl:call-template name="pt-field-errors">
            <xsl:with-param name="field" select="'comment'"/>
          </xsl:call-template>
          <textarea id="comment" name="comment" rows="4">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="'comment'"/></xsl:call-template>
            <xsl:call-template name="pt-field-aria">
              <xsl:with-param name="field" select="'comment'"/>
            </xsl:call-template>
            <xsl:value-of select="$f/field[@name = 'comment']"/>
          </textarea>
        </div>
        <p class="kb-feedback-actions">
          <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('kb.rate.send')"/></button>
          <xsl:text> </xsl:text>
          <a href="{$a/@href}"><xsl:value-of select="pt:t('kb.rate.back')"/></a>
        </p>
      </form>
    </section>
  </xsl:template>

</xsl:stylesheet>
