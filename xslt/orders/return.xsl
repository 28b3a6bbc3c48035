<?xml version="1.0" encoding="UTF-8"?>
<!--
  A return (view "return"): its number, status, order, reason, the lines
  going back, the comment and photos, the desk's instructions or reason,
  the timeline; for the order desk the step it can take next (approve
  with instructions or reject with a reason; mark received; refund or
  replace).  Data: /page/return; values kept after a 422 in
  /page/form[@name = the status the step leads to] (fields instructions,
  reason, receive_note, refund_note, replace_note).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orders-common.xsl"/>
  <xsl:include href="cart-common.xsl"/>

  <xsl:variable name="r" select="/page/return"/>
  <xsl:variable name="a" select="$r/actions"/>

  <xsl:template match="page" mode="title">
    <xsl:call-template name="or-fill">
      <xsl:with-param name="key" select="'orders.return.title'"/>
      <xsl:with-param name="name" select="'number'"/>
      <xsl:with-param name="value" select="string($r/@number)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="return-status">
    <xsl:param name="status"/>
    <span class="status-badge or-status or-return-{$status}">
      <xsl:value-of select="pt:t(concat('orders.return.status.', $status))"/>
    </span>
  </xsl:template>

  <!-- A form of a step: its text field (label key), its button. -->
  <xsl:template name="step">
    <xsl:param name="action"/>
    <xsl:param name="field"/>
    <xsl:param name="label-key"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="button-key"/>
    <xsl:param name="button-class" select="'btn btn-primary'"/>
    <form method="post" action="{$r/@href}/{$action}" novalidate="novalidate" class="or-return-step">
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <xsl:call-template name="or-input">
        <xsl:with-param name="name" select="$field"/>
        <xsl:with-param name="label-key" select="$label-key"/>
        <xsl:with-param name="required" select="$required"/>
        <xsl:with-param name="rows" select="3"/>
      </xsl:call-template>
      <p><button type="submit" class="{$button-class}"><xsl:value-of select="pt:t($button-key)"/></button></p>
    </form>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:call-template name="or-back">
      <xsl:with-param name="href" select="$r/@back"/>
      <xsl:with-param name="key" select="'orders.return.back'"/>
    </xsl:call-template>
    <header class="or-order-head">
      <p class="eyebrow">
        <xsl:value-of select="$r/org"/>
        <xsl:text> · </xsl:text>
        <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($r/@created)"/></xsl:call-template>
      </p>
      <h1><xsl:apply-templates select="." mode="title"/></h1>
      <p><xsl:call-template name="return-status"><xsl:with-param name="status" select="string($r/@status)"/></xsl:call-template></p>
    </header>

    <xsl:if test="$a/@decide or $a/@receive or $a/@close">
      <section class="card or-desk-step" aria-labelledby="step-title">
        <h2 id="step-title"><xsl:value-of select="pt:t('orders.return.next-step')"/></h2>
        <xsl:if test="$a/@decide">
          <xsl:call-template name="step">
            <xsl:with-param name="action" select="'approve'"/>
            <xsl:with-param name="field" select="'instructions'"/>
            <xsl:with-param name="label-key" select="'orders.return.instructions'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="button-key" select="'orders.return.approve'"/>
          </xsl:call-template>
          <xsl:call-template name="step">
            <xsl:with-param name="action" select="'reject'"/>
            <xsl:with-param name="field" select="'reason'"/>
            <xsl:with-param name="label-key" select="'orders.return.reject-why'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="button-key" select="'orders.return.reject'"/>
            <xsl:with-param name="button-class" select="'btn btn-danger'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$a/@receive">
          <xsl:call-template name="step">
            <xsl:with-param name="action" select="'receive'"/>
            <xsl:with-param name="field" select="'receive_note'"/>
            <xsl:with-param name="label-key" select="'orders.return.note'"/>
            <xsl:with-param name="button-key" select="'orders.return.receive'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$a/@close = 'recorded'">
          <p role="status"><xsl:value-of select="pt:t('orders.return.recorded')"/></p>
        </xsl:if>
        <xsl:if test="$a/@close = '1'">
          <xsl:call-template name="step">
            <xsl:with-param name="action" select="'refund'"/>
            <xsl:with-param name="field" select="'refund_note'"/>
            <xsl:with-param name="label-key" select="'orders.return.note'"/>
            <xsl:with-param name="button-key" select="'orders.return.refund'"/>
          </xsl:call-template>
          <xsl:call-template name="step">
            <xsl:with-param name="action" select="'replace'"/>
            <xsl:with-param name="field" select="'replace_note'"/>
            <xsl:with-param name="label-key" select="'orders.return.note'"/>
            <xsl:with-param name="button-key" select="'orders.return.replace'"/>
            <xsl:with-param name="button-class" select="'btn btn-secondary'"/>
          </xsl:call-template>
        </xsl:if>
      </section>
    </xsl:if>

    <xsl:if test="$r/instructions">
      <section class="card or-return-instructions" aria-labelledby="instructions-title">
        <h2 id="instructions-title"><xsl:value-of select="pt:t('orders.return.instructions')"/></h2>
        <p class="or-note"><xsl:value-of select="$r/instructions"/></p>
      </section>
    </xsl:if>

    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="lines-caption">
      <table class="data-table or-table">
        <caption id="lines-caption"><xsl:value-of select="pt:t('orders.return.lines')"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="pt:t('orders.col.product')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.cart.col.quantity')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$r/lines/line">
            <tr>
              <th scope="row" class="or-product-cell">
                <xsl:value-of select="."/>
                <span class="or-summary or-sku"><xsl:value-of select="@sku"/></span>
              </th>
              <td class="num nowrap">
                <xsl:value-of select="@quantity"/>
                <xsl:text> </xsl:text>
                <span class="or-per"><xsl:value-of select="pt:t(concat('orders.unit.', @unit))"/></span>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>

    <div class="or-layout">
      <div class="or-main">
        <xsl:if test="$r/photos/photo">
          <section class="card" aria-labelledby="photos-title">
            <h2 id="photos-title"><xsl:value-of select="pt:t('orders.return.photos')"/></h2>
            <ul class="or-photos">
              <xsl:for-each select="$r/photos/photo">
                <li>
                  <a href="{@href}">
                    <img src="{@href}" alt="{.}" width="160" height="120" loading="lazy"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:if>
        <section class="card or-timeline" aria-labelledby="timeline-title">
          <h2 id="timeline-title"><xsl:value-of select="pt:t('orders.order.timeline')"/></h2>
          <ol class="or-events">
            <xsl:for-each select="$r/timeline/event">
              <li class="or-event">
                <xsl:call-template name="return-status"><xsl:with-param name="status" select="string(@status)"/></xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string(@at)"/></xsl:call-template>
                <xsl:if test="by">
                  <xsl:text> </xsl:text>
                  <span class="or-by">
                    <xsl:call-template name="or-fill">
                      <xsl:with-param name="key" select="'orders.order.by'"/>
                      <xsl:with-param name="name" select="'name'"/>
                      <xsl:with-param name="value" select="string(by)"/>
                    </xsl:call-template>
                  </span>
                </xsl:if>
                <xsl:if test="comment"><p class="or-comment"><xsl:value-of select="comment"/></p></xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </section>
      </div>
      <aside class="or-aside">
        <section class="card" aria-labelledby="facts-title">
          <h2 id="facts-title"><xsl:value-of select="pt:t('orders.order.facts')"/></h2>
          <dl class="facts facts-stacked">
            <div><dt><xsl:value-of select="pt:t('orders.return.order')"/></dt><dd><a href="{$r/@order-href}"><xsl:value-of select="$r/@order"/></a></dd></div>
            <div><dt><xsl:value-of select="pt:t('orders.return.requested-by')"/></dt><dd><xsl:value-of select="$r/requested-by"/></dd></div>
            <div><dt><xsl:value-of select="pt:t('orders.return.reason')"/></dt><dd><xsl:value-of select="pt:t(concat('orders.return.reason.', $r/@reason))"/></dd></div>
            <xsl:if test="$r/comment">
              <div><dt><xsl:value-of select="pt:t('orders.return.comment')"/></dt><dd class="or-note"><xsl:value-of select="$r/comment"/></dd></div>
            </xsl:if>
            <xsl:if test="$r/@credit-note">
              <div><dt><xsl:value-of select="pt:t('orders.return.credit-note')"/></dt><dd><a href="{$r/@credit-note-href}"><xsl:value-of select="$r/@credit-note"/></a></dd></div>
            </xsl:if>
            <xsl:if test="$r/decision-comment">
              <div><dt><xsl:value-of select="pt:t('orders.return.rejected-why')"/></dt><dd class="or-note"><xsl:value-of select="$r/decision-comment"/></dd></div>
            </xsl:if>
          </dl>
        </section>
      </aside>
    </div>
  </xsl:template>

</xsl:stylesheet>
