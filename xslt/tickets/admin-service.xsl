<?xml version="1.0" encoding="UTF-8"?>
<!-- Create or edit a service (view "admin-service", permission
     tickets.admin). /page/tka-service has @id when editing, choices/category
     and choices/group; the values are /page/form[@name='service']. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:variable name="s" select="/page/tka-service"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$s/@id">
        <xsl:call-template name="tka-name">
          <xsl:with-param name="names" select="$s/name"/>
          <xsl:with-param name="fallback" select="string($s/@slug)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.service.new')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title"><xsl:value-of select="$title"/></xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/tickets/admin/"><xsl:value-of select="pt:t('tickets.admin.back.services')"/></a></p>
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="$title"/></h1>
        <xsl:if test="$s/@id">
          <p class="lead">
            <xsl:call-template name="tka-active"><xsl:with-param name="active" select="string($s/@active)"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:call-template name="tka-fill">
              <xsl:with-param name="key" select="concat('tickets.admin.service.has-tickets', substring('.one', 1, 4 * number($s/@tickets = 1)))"/>
              <xsl:with-param name="name" select="'n'"/>
              <xsl:with-param name="value" select="string($s/@tickets)"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text" select="pt:t('tickets.admin.service.updated')"/>
              <xsl:with-param name="name" select="'when'"/>
              <xsl:with-param name="value">
                <xsl:call-template name="pt-datetime">
                  <xsl:with-param name="iso" select="string($s/@updated)"/>
                  <xsl:with-param name="style" select="'relative'"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </p>
        </xsl:if>
      </div>
      <xsl:if test="$s/@id">
        <p class="admin-actions">
          <a class="btn btn-secondary" href="/tickets/admin/services/{$s/@id}/form"><xsl:value-of select="pt:t('tickets.admin.service.edit-form')"/></a>
          <a class="btn btn-secondary" href="/tickets/admin/services/{$s/@id}/preview"><xsl:value-of select="pt:t('tickets.admin.preview')"/></a>
        </p>
      </xsl:if>
    </div>

    <section class="card form-card tka-form-card" aria-labelledby="service-form-title">
      <h2 id="service-form-title"><xsl:value-of select="pt:t('tickets.admin.service.details')"/></h2>
      <form class="form" method="post" novalidate="novalidate">
        <xsl:attribute name="action">
          <xsl:choose>
            <xsl:when test="$s/@id">/tickets/admin/services/<xsl:value-of select="$s/@id"/></xsl:when>
            <xsl:otherwise>/tickets/admin/services/new</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>

        <div class="tka-pair">
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'name_en'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.name-en'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'name_de'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.name-de'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
        </div>
        <div class="tka-pair">
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'description_en'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.description-en'"/>
            <xsl:with-param name="rows" select="3"/>
          </xsl:call-template>
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'description_de'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.description-de'"/>
            <xsl:with-param name="rows" select="3"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="tka-input">
          <xsl:with-param name="name" select="'slug'"/>
          <xsl:with-param name="label-key" select="'tickets.admin.slug'"/>
          <xsl:with-param name="hint-key" select="'tickets.admin.service.slug.hint'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <div class="tka-pair">
          <xsl:call-template name="tka-select">
            <xsl:with-param name="name" select="'category'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.service.category'"/>
            <xsl:with-param name="options" select="$s/choices/category"/>
            <xsl:with-param name="empty-key" select="'tickets.admin.choose'"/>
          </xsl:call-template>
          <xsl:call-template name="tka-select">
            <xsl:with-param name="name" select="'type'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.service.type'"/>
            <xsl:with-param name="values" select="'incident request question'"/>
            <xsl:with-param name="prefix" select="'tickets.type.'"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="tka-select">
          <xsl:with-param name="name" select="'group'"/>
          <xsl:with-param name="label-key" select="'tickets.admin.service.group'"/>
          <xsl:with-param name="hint-key" select="'tickets.admin.service.group.hint'"/>
          <xsl:with-param name="options" select="$s/choices/group"/>
          <xsl:with-param name="empty-key" select="'tickets.admin.choose'"/>
          <xsl:with-param name="inactive-key" select="'tickets.admin.inactive'"/>
        </xsl:call-template>
        <div class="tka-pair">
          <xsl:call-template name="tka-select">
            <xsl:with-param name="name" select="'impact'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.service.impact'"/>
            <xsl:with-param name="values" select="'1 2 3'"/>
            <xsl:with-param name="prefix" select="'tickets.level.'"/>
          </xsl:call-template>
          <xsl:call-template name="tka-select">
            <xsl:with-param name="name" select="'urgency'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.service.urgency'"/>
            <xsl:with-param name="values" select="'1 2 3'"/>
            <xsl:with-param name="prefix" select="'tickets.level.'"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="tka-checks">
          <xsl:with-param name="name" select="'audience'"/>
          <xsl:with-param name="legend-key" select="'tickets.admin.service.audience'"/>
          <xsl:with-param name="values" select="'customer partner'"/>
          <xsl:with-param name="prefix" select="'tickets.admin.audience.'"/>
        </xsl:call-template>
        <xsl:call-template name="tka-checks">
          <xsl:with-param name="name" select="'tiers'"/>
          <xsl:with-param name="legend-key" select="'tickets.admin.service.tiers'"/>
          <xsl:with-param name="hint-key" select="'tickets.admin.service.tiers.hint'"/>
          <xsl:with-param name="values" select="'bronze silver gold premier'"/>
          <xsl:with-param name="prefix" select="'org.tier.'"/>
        </xsl:call-template>
        <xsl:call-template name="tka-check">
          <xsl:with-param name="name" select="'active'"/>
          <xsl:with-param name="label-key" select="'tickets.admin.service.active'"/>
          <xsl:with-param name="hint-key" select="'tickets.admin.service.active.hint'"/>
        </xsl:call-template>
        <xsl:call-template name="tka-input">
          <xsl:with-param name="name" select="'position'"/>
          <xsl:with-param name="label-key" select="'tickets.admin.position'"/>
          <xsl:with-param name="hint-key" select="'tickets.admin.position.hint'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="class" select="'tka-short'"/>
        </xsl:call-template>
        <button type="submit" class="btn btn-primary">
          <xsl:choose>
            <xsl:when test="$s/@id"><xsl:value-of select="pt:t('tickets.admin.save')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.service.create')"/></xsl:otherwise>
          </xsl:choose>
        </button>
      </form>
    </section>

    <xsl:if test="$s/@id">
      <section class="card form-card tka-danger-card" aria-labelledby="service-delete-title">
        <h2 id="service-delete-title"><xsl:value-of select="pt:t('tickets.admin.service.remove')"/></h2>
        <p>
          <xsl:choose>
            <xsl:when test="$s/@tickets &gt; 0"><xsl:value-of select="pt:t('tickets.admin.service.remove.has-tickets')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.service.remove.no-tickets')"/></xsl:otherwise>
          </xsl:choose>
        </p>
        <form method="post" action="/tickets/admin/services/{$s/@id}/delete">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <button type="submit" class="btn btn-danger">
            <xsl:choose>
              <xsl:when test="$s/@tickets &gt; 0"><xsl:value-of select="pt:t('tickets.admin.service.deactivate')"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.service.delete')"/></xsl:otherwise>
            </xsl:choose>
          </button>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
