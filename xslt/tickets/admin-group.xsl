<?xml version="1.0" encoding="UTF-8"?>
<!-- Create or edit an agent group (view "admin-group", permission
     tickets.admin): name, slug, active, members among the people who work
     the queue, the lead; the services that use it; deleting an unused one.
     /page/tka-group has @id, service and person; values: /page/form[@name='group']. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:variable name="g" select="/page/tka-group"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$g/@id"><xsl:value-of select="$g/name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.group.new')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="page" mode="title"><xsl:value-of select="$title"/></xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/tickets/admin/groups"><xsl:value-of select="pt:t('tickets.admin.back.groups')"/></a></p>
    <h1><xsl:value-of select="$title"/></h1>
    <section class="card form-card tka-form-card" aria-labelledby="group-form-title">
      <h2 id="group-form-title"><xsl:value-of select="pt:t('tickets.admin.group.details')"/></h2>
      <form class="form" method="post" novalidate="novalidate">
        <xsl:attribute name="action">
          <xsl:choose>
            <xsl:when test="$g/@id">/tickets/admin/groups/<xsl:value-of select="$g/@id"/></xsl:when>
            <xsl:otherwise>/tickets/admin/groups/new</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <div class="tka-pair">
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'name'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.group.name'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="tka-input">
            <xsl:with-param name="name" select="'slug'"/>
            <xsl:with-param name="label-key" select="'tickets.admin.slug'"/>
            <xsl:with-param name="hint-key" select="'tickets.admin.slug.hint'"/>
            <xsl:with-param name="required" select="true()"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="tka-check">
          <xsl:with-param name="name" select="'active'"/>
          <xsl:with-param name="label-key" select="'tickets.admin.group.active'"/>
        </xsl:call-template>

        <fieldset>
          <xsl:call-template name="tka-field-class">
            <xsl:with-param name="name" select="'members'"/>
            <xsl:with-param name="base" select="'choice-group'"/>
          </xsl:call-template>
          <legend><xsl:value-of select="pt:t('tickets.admin.group.members')"/></legend>
          <p class="hint" id="members-hint"><xsl:value-of select="pt:t('tickets.admin.group.members.hint')"/></p>
          <xsl:call-template name="tka-errors"><xsl:with-param name="name" select="'members'"/></xsl:call-template>
          <xsl:choose>
            <xsl:when test="$g/person">
              <ul class="tka-people">
                <xsl:for-each select="$g/person">
                  <xsl:variable name="id">
                    <xsl:choose>
                      <xsl:when test="position() = 1">members</xsl:when>
                      <xsl:otherwise><xsl:value-of select="concat('members-', @id)"/></xsl:otherwise>
                    </xsl:choose>
                  </xsl:variable>
                  <li class="choice">
                    <input type="checkbox" id="{$id}" name="members" value="{@id}">
                      <xsl:if test="/page/form/field[@name = 'members' and . = current()/@id]"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                      <xsl:if test="position() = 1">
                        <xsl:call-template name="tka-aria">
                          <xsl:with-param name="name" select="'members'"/>
                          <xsl:with-param name="hint" select="true()"/>
                        </xsl:call-template>
                      </xsl:if>
                    </input>
                    <label for="{$id}">
                      <xsl:value-of select="."/>
                      <span class="tka-email"><xsl:value-of select="@email"/></span>
                      <xsl:if test="@works != '1'">
                        <span class="tka-muted"><xsl:value-of select="concat(' (', pt:t('tickets.admin.group.not-working'), ')')"/></span>
                      </xsl:if>
                    </label>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:otherwise><p class="hint"><xsl:value-of select="pt:t('tickets.admin.group.nobody')"/></p></xsl:otherwise>
          </xsl:choose>
        </fieldset>

        <xsl:call-template name="tka-select">
          <xsl:with-param name="name" select="'lead'"/>
          <xsl:with-param name="label-key" select="'tickets.admin.group.lead'"/>
          <xsl:with-param name="hint-key" select="'tickets.admin.group.lead.hint'"/>
          <xsl:with-param name="options" select="$g/person"/>
          <xsl:with-param name="empty-key" select="'tickets.admin.group.no-lead'"/>
        </xsl:call-template>
        <button type="submit" class="btn btn-primary">
          <xsl:choose>
            <xsl:when test="$g/@id"><xsl:value-of select="pt:t('tickets.admin.save')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('tickets.admin.group.create')"/></xsl:otherwise>
          </xsl:choose>
        </button>
      </form>
    </section>

    <xsl:if test="$g/@id">
      <section class="card form-card" aria-labelledby="group-services-title">
        <h2 id="group-services-title"><xsl:value-of select="pt:t('tickets.admin.group.services')"/></h2>
        <xsl:choose>
          <xsl:when test="$g/service">
            <ul class="tka-list">
              <xsl:for-each select="$g/service">
                <li>
                  <a href="/tickets/admin/services/{@id}"><xsl:value-of select="."/></a>
                  <xsl:if test="@active = '0'"><xsl:text> </xsl:text><xsl:call-template name="tka-active"><xsl:with-param name="active" select="'0'"/></xsl:call-template></xsl:if>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise><p class="hint"><xsl:value-of select="pt:t('tickets.admin.group.no-services')"/></p></xsl:otherwise>
        </xsl:choose>
      </section>
      <section class="card form-card tka-danger-card" aria-labelledby="group-delete-title">
        <h2 id="group-delete-title"><xsl:value-of select="pt:t('tickets.admin.group.delete')"/></h2>
        <p><xsl:value-of select="pt:t('tickets.admin.group.delete.hint')"/></p>
        <form method="post" action="/tickets/admin/groups/{$g/@id}/delete">
          <input type="hidden" name="csrf" value="{$pt-csrf}"/>
          <button type="submit" class="btn btn-danger"><xsl:value-of select="pt:t('tickets.admin.group.delete')"/></button>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
