<?xml version="1.0" encoding="UTF-8"?>
<!-- Add or edit a field of a service's form (view "admin-field",
     permission tickets.admin). /page/tka-field has the service, and @id,
     @answers and retired-option when editing; the values are
     /page/form[@name='field']. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:variable name="f" select="/page/tka-field"/>
  <xsl:variable name="base" select="concat('/tickets/admin/services/', $f/service/@id)"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$f/@id">
        <xsl:call-template name="tka-name">
          <xsl:with-param name="names" select="$f/label"/>
          <xsl:with-param name="fallback" select="string($f/@name)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.field.new')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title"><xsl:value-of select="$title"/></xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="{$base}/form"><xsl:value-of select="pt:t('tickets.admin.back.form')"/></a></p>
    <p class="eyebrow"><xsl:value-of select="$f/service/name"/></p>
    <h1><xsl:value-of select="$title"/></h1>
    <xsl:if test="$f/@active = '0'">
      <p class="alert alert-info"><xsl:value-of select="pt:t('tickets.admin.field.is-retired')"/></p>
    </xsl:if>

    <section class="card form-card tka-form-card" aria-labelledby="field-form-title">
      <h2 id="field-form-title"><xsl:value-of select="pt:t('tickets.admin.field.details')"/></h2>
      <form class="form" method="post" novalidate="novalidate">
        <xsl:attribute name="action">
          <xsl:choose>
            <xsl:when test="$f/@id"><xsl:value-of select="concat($base, '/fields/', $f/@id)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat($base, '/fields/new')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>

        <div class="tka-pair">
          <xsl:call-template name="tka-select">
            <xsl:with-param name="name" select="'kind'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.field.kind'"/>
            <xsl:with-param name="hint-key" select="substring('tickets.admin.field.kind.answered', 1, 100 * number($f/@answers &gt; 0))"/>
            <xsl:with-param name="values" select="'text longtext number date select multiselect checkbox file'"/>
            <xsl:with-param name="prefix" select="'tickets.admin.kind.'"/>
          </xsl:call-template>
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'name'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.field.name'"/>
            <xsl:with-param name="hint-key" select="'tickets.admin.field.name.hint'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
        </div>
        <div class="tka-pair">
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'label_en'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.label-en'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'label_de'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.label-de'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
        </div>
        <div class="tka-pair">
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'help_en'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.help-en'"/>
            <xsl:with-param name="rows" select="2"/>
          </xsl:call-template>
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'help_de'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.help-de'"/>
            <xsl:with-param name="rows" select="2"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="tka-check">
          <xsl:with-param name="name" select="'required'"/>
          <xsl:with-param name="label-key" select="'tickets.admin.field.required.label'"/>
        </xsl:call-template>
        <xsl:call-template name="tka-input">
          <xsl:with-param name="name" select="'pattern'"/>
          <xsl:with-param name="label-key" select="'tickets.admin.field.pattern'"/>
          <xsl:with-param name="hint-key" select="'tickets.admin.field.pattern.hint'"/>
          <xsl:with-param name="class" select="'tka-mono'"/>
        </xsl:call-template>
        <fieldset class="choice-group tka-bounds">
          <legend><xsl:value-of select="pt:t('tickets.admin.field.bounds')"/></legend>
          <p class="hint" id="bounds-hint"><xsl:value-of select="pt:t('tickets.admin.field.bounds.hint')"/></p>
          <div class="tka-pair">
            <xsl:call-template name="tka-input">
              <xsl:with-param name="name" select="'min'"/>
              <xsl:with-param name="label-key" select="'tickets.admin.field.min'"/>
              <xsl:with-param name="inputmode" select="'numeric'"/>
            </xsl:call-template>
            <xsl:call-template name="tka-input">
              <xsl:with-param name="name" select="'max'"/>
              <xsl:with-param name="label-key" select="'tickets.admin.field.max'"/>
              <xsl:with-param name="inputmode" select="'numeric'"/>
            </xsl:call-template>
          </div>
        </fieldset>
        <xsl:call-template name="tka-input">
          <xsl:with-param name="name" select="'options'"/>
          <xsl:with-param name="label-key" select="'tickets.admin.field.options'"/>
          <xsl:with-param name="hint-key" select="'tickets.admin.field.options.hint'"/>
          <xsl:with-param name="rows" select="6"/>
          <xsl:with-param name="class" select="'tka-mono'"/>
        </xsl:call-template>
        <xsl:if test="$f/retired-option">
          <div class="tka-retired-options">
            <p class="hint"><xsl:value-of select="pt:t('tickets.admin.field.retired-options')"/></p>
            <ul>
              <xsl:for-each select="$f/retired-option">
                <li><span class="tka-code"><xsl:value-of select="@value"/></span><xsl:text> </xsl:text><xsl:value-of select="."/></li>
              </xsl:for-each>
            </ul>
          </div>
        </xsl:if>
        <button type="submit" class="btn btn-primary">
          <xsl:choose>
            <xsl:when test="$f/@id"><xsl:value-of select="pt:t('tickets.admin.save')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.field.create')"/></xsl:otherwise>
          </xsl:choose>
        </button>
      </form>
    </section>

    <xsl:if test="$f/@id and $f/@active = '1'">
      <section class="card form-card tka-danger-card" aria-labelledby="field-remove-title">
        <h2 id="field-remove-title"><xsl:value-of select="pt:t('tickets.admin.field.remove')"/></h2>
        <p>
          <xsl:choose>
            <xsl:when test="$f/@answers &gt; 0">
              <xsl:call-template name="tka-fill">
                <xsl:with-param name="key" select="'tickets.admin.field.remove.answered'"/>
                <xsl:with-param name="name" select="'n'"/>
                <xsl:with-param name="value" select="string($f/@answers)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.field.remove.unanswered')"/></xsl:otherwise>
          </xsl:choose>
        </p>
        <form method="post" action="{$base}/fields/{$f/@id}/remove">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <button type="submit" class="btn btn-danger"><xsl:value-of select="pt:t('tickets.admin.field.remove')"/></button>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
