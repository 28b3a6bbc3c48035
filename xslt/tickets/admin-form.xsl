<?xml version="1.0" encoding="UTF-8"?>
<!-- A service's form: its fields in order with buttons to move, edit and
     remove them, and the retired ones that old tickets answered (view
     "admin-form", permission tickets.admin). Data: tka-form/service, tka-form/field. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:variable name="f" select="/page/tka-form"/>
  <xsl:variable name="base" select="concat('/tickets/admin/services/', $f/service/@id)"/>
  <xsl:variable name="title">
    <xsl:call-template name="tka-fill">
      <xsl:with-param name="key" select="'tickets.admin.form.title'"/>
      <xsl:with-param name="name" select="'service'"/>
      <xsl:with-param name="value" select="string($f/service/name)"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template match="page" mode="title"><xsl:value-of select="$title"/></xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="{$base}"><xsl:value-of select="pt:t('tickets.admin.back.service')"/></a></p>
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="$title"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('tickets.admin.form.lead')"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-primary" href="{$base}/fields/new"><xsl:value-of select="pt:t('tickets.admin.field.new')"/></a>
        <a class="btn btn-secondary" href="{$base}/preview"><xsl:value-of select="pt:t('tickets.admin.preview')"/></a>
      </p>
    </div>

    <xsl:variable name="active" select="$f/field[@active = '1']"/>
    <xsl:choose>
      <xsl:when test="$active">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="fields-caption">
          <table class="data-table">
            <caption id="fields-caption"><xsl:value-of select="pt:t('tickets.admin.form.fields')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.field.label')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.field.name')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.field.kind')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.field.checks')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('tickets.admin.field.answers')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.order')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.actions')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$active">
                <xsl:variable name="label">
                  <xsl:call-template name="tka-name">
                    <xsl:with-param name="names" select="label"/>
                    <xsl:with-param name="fallback" select="string(@name)"/>
                  </xsl:call-template>
                </xsl:variable>
                <tr id="field-{@id}">
                  <th scope="row"><a href="{$base}/fields/{@id}"><xsl:value-of select="$label"/></a></th>
                  <td><span class="tka-code"><xsl:value-of select="@name"/></span></td>
                  <td class="nowrap"><xsl:value-of select="pt:t(concat('tickets.admin.kind.', @kind))"/></td>
                  <td><xsl:call-template name="tka-checks-summary"/></td>
                  <td class="num"><xsl:value-of select="@answers"/></td>
                  <td>
                    <xsl:call-template name="tka-move">
                      <xsl:with-param name="action" select="concat($base, '/fields/', @id, '/move')"/>
                      <xsl:with-param name="what" select="string($label)"/>
                      <xsl:with-param name="first" select="position() = 1"/>
                      <xsl:with-param name="last" select="position() = last()"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <form class="tka-inline" method="post" action="{$base}/fields/{@id}/remove">
                      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                      <button type="submit" class="btn btn-danger btn-small">
                        <xsl:value-of select="pt:t('tickets.admin.field.remove-short')"/>
                        <span class="visually-hidden"><xsl:value-of select="concat(' ', $label)"/></span>
                      </button>
                    </form>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('tickets.admin.form.empty')"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:if test="$f/field[@active = '0']">
      <section class="tka-section" aria-labelledby="retired-title">
        <h2 id="retired-title"><xsl:value-of select="pt:t('tickets.admin.form.retired')"/></h2>
        <p class="hint"><xsl:value-of select="pt:t('tickets.admin.form.retired.lead')"/></p>
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="retired-caption">
          <table class="data-table">
            <caption id="retired-caption" class="visually-hidden"><xsl:value-of select="pt:t('tickets.admin.form.retired')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.field.label')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.field.name')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.field.kind')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('tickets.admin.field.answers')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.actions')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$f/field[@active = '0']">
                <xsl:variable name="label">
                  <xsl:call-template name="tka-name">
                    <xsl:with-param name="names" select="label"/>
                    <xsl:with-param name="fallback" select="string(@name)"/>
                  </xsl:call-template>
                </xsl:variable>
                <tr id="field-{@id}">
                  <th scope="row"><a href="{$base}/fields/{@id}"><xsl:value-of select="$label"/></a></th>
                  <td><span class="tka-code"><xsl:value-of select="@name"/></span></td>
                  <td class="nowrap"><xsl:value-of select="pt:t(concat('tickets.admin.kind.', @kind))"/></td>
                  <td class="num"><xsl:value-of select="@answers"/></td>
                  <td>
                    <form class="tka-inline" method="post" action="{$base}/fields/{@id}/restore">
                      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                      <button type="submit" class="btn btn-secondary btn-small">
                        <xsl:value-of select="pt:t('tickets.admin.field.restore')"/>
                        <span class="visually-hidden"><xsl:value-of select="concat(' ', $label)"/></span>
                      </button>
                    </form>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Required, the pattern, the bounds and the options of the current field, in words. -->
  <xsl:template name="tka-checks-summary">
    <ul class="tka-facts">
      <xsl:if test="@required = '1'"><li><xsl:value-of select="pt:t('tickets.admin.field.required')"/></li></xsl:if>
      <xsl:if test="string(@pattern) != ''">
        <li><xsl:value-of select="pt:t('tickets.admin.field.pattern')"/><xsl:text>: </xsl:text><code><xsl:value-of select="@pattern"/></code></li>
      </xsl:if>
      <xsl:if test="string(@min) != '' or string(@max) != ''">
        <li>
          <xsl:value-of select="pt:t(concat('tickets.admin.bounds.', @kind))"/>
          <xsl:text>: </xsl:text>
          <xsl:choose>
            <xsl:when test="string(@min) != ''"><xsl:value-of select="@min"/></xsl:when>
            <xsl:otherwise>…</xsl:otherwise>
          </xsl:choose>
          <xsl:text>–</xsl:text>
          <xsl:choose>
            <xsl:when test="string(@max) != ''"><xsl:value-of select="@max"/></xsl:when>
            <xsl:otherwise>…</xsl:otherwise>
          </xsl:choose>
        </li>
      </xsl:if>
      <xsl:if test="@kind = 'select' or @kind = 'multiselect'">
        <li>
          <xsl:call-template name="tka-fill">
            <xsl:with-param name="key" select="'tickets.admin.field.n-options'"/>
            <xsl:with-param name="name" select="'n'"/>
            <xsl:with-param name="value" select="string(@options)"/>
          </xsl:call-template>
        </li>
      </xsl:if>
    </ul>
  </xsl:template>

</xsl:stylesheet>
