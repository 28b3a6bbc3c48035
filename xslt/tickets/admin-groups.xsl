<?xml version="1.0" encoding="UTF-8"?>
<!-- The agent groups (view "admin-groups", permission tickets.admin):
     lead, members, the services that send them tickets, open tickets.
     Data: tka-groups/group. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('tickets.admin.groups.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('tickets.admin.groups.lead')"/></p>
      </div>
      <p class="admin-actions">
        <a class="btn btn-primary" href="/tickets/admin/groups/new"><xsl:value-of select="pt:t('tickets.admin.group.new')"/></a>
      </p>
    </div>
    <xsl:call-template name="tka-tabs"><xsl:with-param name="current" select="'groups'"/></xsl:call-template>

    <xsl:choose>
      <xsl:when test="tka-groups/group">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="groups-caption">
          <table class="data-table">
            <caption id="groups-caption" class="visually-hidden"><xsl:value-of select="pt:t('tickets.admin.groups.title')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.group.name')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.group.lead')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('tickets.admin.group.members')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('tickets.admin.tab.services')"/></th>
                <th scope="col" class="num"><xsl:value-of select="pt:t('tickets.admin.group.open')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('tickets.admin.status')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="tka-groups/group">
                <tr>
                  <th scope="row">
                    <a href="/tickets/admin/groups/{@id}"><xsl:value-of select="name"/></a>
                    <span class="tka-slug"><xsl:value-of select="@slug"/></span>
                  </th>
                  <td>
                    <xsl:choose>
                      <xsl:when test="lead"><xsl:value-of select="lead"/></xsl:when>
                      <xsl:otherwise><span class="prov-muted tka-muted"><xsl:value-of select="pt:t('tickets.admin.group.no-lead')"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="num"><xsl:value-of select="@members"/></td>
                  <td class="num"><xsl:value-of select="@services"/></td>
                  <td class="num"><xsl:value-of select="@open"/></td>
                  <td><xsl:call-template name="tka-active"><xsl:with-param name="active" select="string(@active)"/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty-state"><xsl:value-of select="pt:t('tickets.admin.groups.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
