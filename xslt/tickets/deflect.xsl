<?xml version="1.0" encoding="UTF-8"?>
<!-- Articles that may answer a request (view "deflect",
     cgi-bin-src/tickets/deflect.c). deflect[@state]:
       offer     the first submit of a valid form without the form's
                 script: the articles, "my question is answered", and
                 "raise the ticket anyway" with every value of the form in
                 hidden fields (/page/form[@name = 'ticket']) and the file
                 fields to choose again (fields/field[@kind = 'file'],
                 chosen[@field] names the file chosen before);
       filing, answered, raised   a filing's own page.
     Each article links through deflect/articles/article/@href, which
     records the opening. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>

  <xsl:variable name="d" select="/page/deflect"/>
  <xsl:variable name="values" select="/page/form[@name = 'ticket']"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="$d/@state = 'offer'"><xsl:value-of select="pt:t('title.deflect')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('tickets.deflect.filing')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/tickets/"><xsl:value-of select="pt:t('tickets.deflect.catalogue')"/></a></p>
    <div class="tk-deflect-page">
      <header class="tk-head">
        <p class="eyebrow"><xsl:value-of select="$d/service"/></p>
        <h1><xsl:apply-templates select="/page" mode="title"/></h1>
        <xsl:choose>
          <xsl:when test="$d/@state = 'offer'">
            <p class="lead"><xsl:value-of select="pt:t('tickets.deflect.lead')"/></p>
          </xsl:when>
          <xsl:otherwise>
            <p class="lead">
              <xsl:call-template name="tk-fill">
                <xsl:with-param name="key" select="'tickets.deflect.filing.lead'"/>
                <xsl:with-param name="name" select="'service'"/>
                <xsl:with-param name="value" select="string($d/service)"/>
              </xsl:call-template>
            </p>
          </xsl:otherwise>
        </xsl:choose>
      </header>

      <xsl:choose>
        <xsl:when test="$d/articles/article">
          <ul class="tk-deflect-list tk-deflect-articles">
            <xsl:for-each select="$d/articles/article">
              <li class="card">
                <h2 class="tk-deflect-title">
                  <a href="{@href}">
                    <xsl:if test="@lang != /page/@lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
                    <xsl:value-of select="@title"/>
                  </a>
                </h2>
                <xsl:if test="string(@summary) != ''">
                  <p>
                    <xsl:if test="@lang != /page/@lang"><xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute></xsl:if>
                    <xsl:value-of select="@summary"/>
                  </p>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
          <xsl:if test="$d/@state = 'offer'">
            <p class="hint"><xsl:value-of select="pt:t('tickets.deflect.open-hint')"/></p>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty-state"><xsl:value-of select="pt:t('tickets.deflect.articles.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>

      <xsl:choose>
        <xsl:when test="$d/@state = 'offer'"><xsl:call-template name="tk-deflect-choices"/></xsl:when>
        <xsl:when test="$d/@state = 'raised'">
          <p class="alert alert-info" role="status">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text" select="pt:t('tickets.deflect.raised')"/>
              <xsl:with-param name="name" select="'number'"/>
              <xsl:with-param name="value"><a href="/tickets/{$d/@ticket}"><xsl:value-of select="$d/@ticket"/></a></xsl:with-param>
            </xsl:call-template>
          </p>
        </xsl:when>
        <xsl:when test="$d/@state = 'filing'">
          <form method="post" action="{$d/@answered-action}" class="tk-deflect-answered">
            <input type="hidden" name="csrf" value="{$pt-csrf}"/>
            <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.deflect.answered')"/></button>
          </form>
        </xsl:when>
      </xsl:choose>
      <xsl:if test="$d/@state != 'offer'">
        <p class="actions tk-deflect-links">
          <a class="btn btn-secondary" href="{$d/@action}"><xsl:value-of select="pt:t('tickets.deflect.back-form')"/></a>
          <a class="btn btn-secondary" href="/tickets/"><xsl:value-of select="pt:t('tickets.deflect.catalogue')"/></a>
        </p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- The two ways on: answered (nothing raised) or the same form again. -->
  <xsl:template name="tk-deflect-choices">
    <div class="tk-deflect-choices">
      <section class="card" aria-labelledby="answered-title">
        <h2 id="answered-title"><xsl:value-of select="pt:t('tickets.deflect.answered.title')"/></h2>
        <p><xsl:value-of select="pt:t('tickets.deflect.answered.text')"/></p>
        <form method="post" action="{$d/@answered-action}">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('tickets.deflect.answered')"/></button>
        </form>
      </section>
      <section class="card" aria-labelledby="raise-title">
        <h2 id="raise-title"><xsl:value-of select="pt:t('tickets.deflect.raise.title')"/></h2>
        <p><xsl:value-of select="pt:t('tickets.deflect.raise.text')"/></p>
        <dl class="facts facts-stacked tk-deflect-request">
          <div>
            <dt><xsl:value-of select="pt:t('tickets.subject')"/></dt>
            <dd><xsl:value-of select="$values/field[@name = 'subject']"/></dd>
          </div>
        </dl>
        <form class="form" method="post" action="{$d/@action}" enctype="multipart/form-data" novalidate="novalidate">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <xsl:for-each select="$values/field">
            <input type="hidden" name="{@name}" value="{.}"/>
          </xsl:for-each>
          <xsl:for-each select="$d/fields/field[@kind = 'file']">
            <xsl:variable name="name" select="string(@name)"/>
            <div class="field tk-field tk-field-file">
              <label for="{$name}">
                <xsl:value-of select="label"/>
                <xsl:if test="@required = '1'"><span class="tk-required"><xsl:value-of select="concat(' (', pt:t('tickets.required'), ')')"/></span></xsl:if>
              </label>
              <p class="hint" id="{$name}-help">
                <xsl:value-of select="pt:t('tickets.deflect.file-again')"/>
                <xsl:if test="$d/chosen[@field = $name]">
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="tk-fill">
                    <xsl:with-param name="key" select="'tickets.deflect.file-chosen'"/>
                    <xsl:with-param name="name" select="'name'"/>
                    <xsl:with-param name="value" select="string($d/chosen[@field = $name])"/>
                  </xsl:call-template>
                </xsl:if>
              </p>
              <input type="file" id="{$name}" name="{$name}" aria-describedby="{$name}-help"
                  accept="application/pdf,image/png,image/jpeg,image/gif,image/webp,text/plain">
                <xsl:if test="@required = '1'"><xsl:attribute name="aria-required">true</xsl:attribute></xsl:if>
              </input>
            </div>
          </xsl:for-each>
          <button type="submit" class="btn btn-secondary"><xsl:value-of select="pt:t('tickets.deflect.raise')"/></button>
        </form>
      </section>
    </div>
  </xsl:template>

</xsl:stylesheet>
